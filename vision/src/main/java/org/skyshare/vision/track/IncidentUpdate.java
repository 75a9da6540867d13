package org.skyshare.vision.track;

import org.skyshare.vision.detect.Detection;

/** What one detection did to the incidents: opened a new one or updated an existing one. */
public record IncidentUpdate(Incident incident, Detection detection, boolean created) {
}
