package org.skyshare.sim.camera;

/**
 * Where the aircraft is at a capture: WGS84 position, altitude above mean sea level and heading
 * (degrees clockwise from true north).
 */
public record VehiclePose(double latDeg, double lonDeg, double altitudeAmslM, double headingDeg) {
}
