package org.skyshare.station.link;

/** Body attitude; yaw is the heading, degrees clockwise from north, 0..360. */
public record Attitude(double rollDeg, double pitchDeg, double yawDeg) {
}
