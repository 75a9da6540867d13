package org.skyshare.vision.geo;

/** A point on the ground in WGS84, with its height above mean sea level. */
public record GroundPoint(double latDeg, double lonDeg, double altitudeAmslM) {
    public GroundPoint {
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: " + latDeg + ", " + lonDeg);
        }
    }
}
