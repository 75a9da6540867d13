package org.skyshare.station.link;

/** Where the vehicle is: WGS84, altitude above mean sea level and above home. */
public record Position(double latDeg, double lonDeg, double altitudeAmslM, double relativeAltitudeM) {
}
