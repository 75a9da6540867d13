package org.skyshare.vision.track;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.geo.GroundPoint;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * One hazard on the ground, however many frames and passes saw it.
 *
 * @param id                stable identifier (alerts built from it are idempotent)
 * @param position          confidence-weighted mean of its sightings' ground positions; null for
 *                          incidents tracked in pixels only (no pose)
 * @param sightings         detections merged into it
 * @param passes            separate passes over it (sightings more than the pass gap apart)
 * @param peakTemperatureC  hottest reading of any sighting, NaN without a thermal reading
 * @param maxAreaM2         largest ground area of any sighting, NaN when never georeferenced
 * @param confidence        grows with sightings, passes and sensor agreement
 * @param bestDetection     the most confident sighting
 * @param evidenceJpeg      that sighting's frame with the detection drawn, or null when not saved
 */
public record Incident(
        String id,
        DetectionKind kind,
        GroundPoint position,
        Instant firstSeen,
        Instant lastSeen,
        int sightings,
        int passes,
        double peakTemperatureC,
        double maxAreaM2,
        double confidence,
        Set<Sensor> sensors,
        Detection bestDetection,
        Path evidenceJpeg) {

    public Incident {
        sensors = Set.copyOf(sensors);
    }

    public boolean isGeoreferenced() {
        return position != null;
    }
}
