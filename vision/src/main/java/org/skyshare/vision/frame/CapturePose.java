package org.skyshare.vision.frame;

/**
 * Where the drone was and where its camera looked when a frame was captured.
 *
 * <p>Gimbal angles are as a stabilised gimbal reports them: pitch and roll relative to the horizon
 * (pitch -90 looks straight down), yaw relative to the aircraft's nose, so the camera's heading is
 * {@code yawDeg + gimbalYawDeg}. The aircraft's own roll and pitch are kept because a fixed
 * (unstabilised) mount inherits them.
 *
 * @param altitudeAmslM       drone altitude above mean sea level
 * @param groundAltitudeAmslM ground height under the drone above mean sea level (flat-ground
 *                            assumption; usually the dock's or home altitude)
 * @param yawDeg              aircraft heading, degrees clockwise from true north
 */
public record CapturePose(
        double latDeg,
        double lonDeg,
        double altitudeAmslM,
        double groundAltitudeAmslM,
        double rollDeg,
        double pitchDeg,
        double yawDeg,
        double gimbalPitchDeg,
        double gimbalYawDeg,
        double gimbalRollDeg) {

    public CapturePose {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("latitude must be within -90..90 degrees, got " + latDeg);
        }
        if (!(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("longitude must be within -180..180 degrees, got " + lonDeg);
        }
        requireFinite("altitude", altitudeAmslM);
        requireFinite("ground altitude", groundAltitudeAmslM);
        requireFinite("roll", rollDeg);
        requireFinite("pitch", pitchDeg);
        requireFinite("yaw", yawDeg);
        requireFinite("gimbal pitch", gimbalPitchDeg);
        requireFinite("gimbal yaw", gimbalYawDeg);
        requireFinite("gimbal roll", gimbalRollDeg);
    }

    /** A level drone with the camera looking straight down, nose (and image top) towards {@code yawDeg}. */
    public static CapturePose nadir(double latDeg, double lonDeg, double groundAltitudeAmslM, double heightAglM, double yawDeg) {
        return new CapturePose(latDeg, lonDeg, groundAltitudeAmslM + heightAglM, groundAltitudeAmslM,
                0, 0, yawDeg, -90, 0, 0);
    }

    /** Height of the camera above the (flat) ground. */
    public double heightAglM() {
        return altitudeAmslM - groundAltitudeAmslM;
    }

    /** The same pose over a different ground height (for example one read from a DEM). */
    public CapturePose withGroundAltitude(double groundAltitudeAmslM) {
        return new CapturePose(latDeg, lonDeg, altitudeAmslM, groundAltitudeAmslM, rollDeg, pitchDeg, yawDeg,
                gimbalPitchDeg, gimbalYawDeg, gimbalRollDeg);
    }

    /**
     * The camera's attitude relative to north/east/down. For a fixed mount this adds the angles,
     * which holds for small aircraft angles only; georeferencing composes the rotations exactly.
     *
     * @param stabilisedGimbal true when the gimbal holds pitch and roll against the horizon (every
     *                         drone gimbal we know); false for a camera fixed to the airframe
     */
    public CameraAttitude cameraAttitude(boolean stabilisedGimbal) {
        double heading = normaliseDeg(yawDeg + gimbalYawDeg);
        if (stabilisedGimbal) {
            return new CameraAttitude(heading, gimbalPitchDeg, gimbalRollDeg);
        }
        return new CameraAttitude(heading, pitchDeg + gimbalPitchDeg, rollDeg + gimbalRollDeg);
    }

    /** Camera heading (clockwise from north), pitch (below the horizon negative) and roll, in degrees. */
    public record CameraAttitude(double headingDeg, double pitchDeg, double rollDeg) {
    }

    private static double normaliseDeg(double deg) {
        double d = deg % 360;
        return d < 0 ? d + 360 : d;
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
    }
}
