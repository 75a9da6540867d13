package org.skyshare.station.alert;

/** A WGS84 position. */
public record GeoPoint(double latDeg, double lonDeg) {
    public GeoPoint {
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("position out of range: lat " + latDeg + ", lon " + lonDeg
                    + " (expected -90..90 and -180..180 degrees)");
        }
    }
}
