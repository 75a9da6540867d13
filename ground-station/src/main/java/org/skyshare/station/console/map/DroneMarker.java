package org.skyshare.station.console.map;

/** A drone's current position (world units), heading and state word, as the map shows it. */
public record DroneMarker(String id, double x, double y, double headingDeg, String state) {
}
