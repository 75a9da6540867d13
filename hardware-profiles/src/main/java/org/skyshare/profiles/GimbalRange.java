package org.skyshare.profiles;

/** Mechanical gimbal limits; pitch -90 looks straight down. */
public record GimbalRange(double pitchMinDeg, double pitchMaxDeg, double yawMinDeg, double yawMaxDeg) {

    void check(Checks c) {
        c.range("gimbal.pitch_min_deg", pitchMinDeg, -180, 180);
        c.range("gimbal.pitch_max_deg", pitchMaxDeg, -180, 180);
        c.atLeast("gimbal.pitch_max_deg", pitchMaxDeg, "gimbal.pitch_min_deg", pitchMinDeg);
        c.atLeast("gimbal.yaw_max_deg", yawMaxDeg, "gimbal.yaw_min_deg", yawMinDeg);
    }
}
