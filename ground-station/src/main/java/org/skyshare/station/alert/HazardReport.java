package org.skyshare.station.alert;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding as the station's alert pipeline takes it in; the vision pipeline maps its incidents
 * onto this.
 *
 * @param sourceIncidentId the detector's own id for the incident; a second report with the same id
 *                         is an update of that incident, never a new one
 * @param confidence       0..1
 * @param area             the affected area's outline (closed or not), empty for a point finding
 * @param radiusM          radius around the position when there is no outline (CAP circle)
 * @param peakTemperatureC null when the finding was not seen by a radiometric camera
 * @param evidenceImage    image file on disk, null when none
 * @param description      one sentence for people, may be empty
 */
public record HazardReport(
        String sourceIncidentId,
        HazardKind kind,
        HazardSeverity severity,
        double confidence,
        GeoPoint position,
        List<GeoPoint> area,
        double radiusM,
        Double peakTemperatureC,
        Path evidenceImage,
        Instant detectedAt,
        String description) {

    public HazardReport {
        Objects.requireNonNull(sourceIncidentId, "sourceIncidentId");
        // it names the incident's evidence folder, so "." or ".." (or any leading dot) would climb out of it
        if (sourceIncidentId.isBlank() || !sourceIncidentId.matches("[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,99}")) {
            throw new IllegalArgumentException("sourceIncidentId '" + sourceIncidentId
                    + "' must be 1-100 characters of letters, digits, '.', '_', ':' or '-', not starting with '.'");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be between 0 and 1");
        }
        if (!(radiusM >= 0)) {
            throw new IllegalArgumentException("radiusM " + radiusM + " must be 0 or more");
        }
        area = area == null ? List.of() : List.copyOf(area);
        if (!area.isEmpty() && area.size() < 3) {
            throw new IllegalArgumentException("an area needs at least 3 corners, got " + area.size());
        }
        description = description == null ? "" : description;
    }

    /** A point finding with the usual defaults (50 m radius, no outline, no evidence). */
    public static HazardReport point(String id, HazardKind kind, HazardSeverity severity, double confidence,
                                     double latDeg, double lonDeg, Instant at) {
        return new HazardReport(id, kind, severity, confidence, new GeoPoint(latDeg, lonDeg), List.of(), 50,
                null, null, at, "");
    }
}
