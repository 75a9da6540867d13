package org.skyshare.station.link;

/** A WGS84 point. */
public record GeoPoint(double latDeg, double lonDeg) {
}
