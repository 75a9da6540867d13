package org.skyshare.station.link;

/** The vehicle's home (for a docked drone, its dock). */
public record Home(double latDeg, double lonDeg, double altitudeAmslM) {
}
