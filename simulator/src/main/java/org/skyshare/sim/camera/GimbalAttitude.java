package org.skyshare.sim.camera;

/**
 * Camera gimbal attitude at a capture. Pitch -90 looks straight down, 0 at the horizon; roll is
 * positive right side down; yaw is relative to the vehicle heading (0 looks where the vehicle
 * points), so the camera's absolute yaw is {@code headingDeg + yawDeg}.
 */
public record GimbalAttitude(double pitchDeg, double rollDeg, double yawDeg) {
    public static final GimbalAttitude NADIR = new GimbalAttitude(-90, 0, 0);
}
