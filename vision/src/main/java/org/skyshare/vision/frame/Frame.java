package org.skyshare.vision.frame;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One captured frame: either a visual (RGB) image or a radiometric thermal image, with its time and,
 * where known, the drone pose.
 *
 * @param sequence    position in its source, from 0
 * @param timestamp   capture time (wall clock when known; otherwise the epoch plus {@code mediaTimeS})
 * @param mediaTimeS  seconds since the start of the source (video presentation time), used to match
 *                    telemetry recorded beside a video
 * @param cameraId    hardware-profile id of the camera that took it (e.g. {@code sim-thermal})
 * @param pose        drone pose and gimbal attitude, or null when unknown
 * @param rgb         the visual image, or null for a thermal frame
 * @param thermal     the radiometric image, or null for a visual frame
 */
public record Frame(
        long sequence,
        Instant timestamp,
        double mediaTimeS,
        String cameraId,
        CapturePose pose,
        BufferedImage rgb,
        ThermalImage thermal) {

    public Frame {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(cameraId, "cameraId");
        if ((rgb == null) == (thermal == null)) {
            throw new IllegalArgumentException("a frame carries exactly one of an RGB image or a thermal image");
        }
    }

    public static Frame visual(long sequence, Instant timestamp, double mediaTimeS, String cameraId,
                               CapturePose pose, BufferedImage rgb) {
        return new Frame(sequence, timestamp, mediaTimeS, cameraId, pose, Objects.requireNonNull(rgb, "rgb"), null);
    }

    public static Frame thermal(long sequence, Instant timestamp, double mediaTimeS, String cameraId,
                                CapturePose pose, ThermalImage thermal) {
        return new Frame(sequence, timestamp, mediaTimeS, cameraId, pose, null, Objects.requireNonNull(thermal, "thermal"));
    }

    public boolean isThermal() {
        return thermal != null;
    }

    public Optional<CapturePose> poseIfKnown() {
        return Optional.ofNullable(pose);
    }

    public int widthPx() {
        return thermal != null ? thermal.width() : rgb.getWidth();
    }

    public int heightPx() {
        return thermal != null ? thermal.height() : rgb.getHeight();
    }

    /** The same frame with a pose attached (telemetry matched after decoding). */
    public Frame withPose(CapturePose newPose) {
        return new Frame(sequence, timestamp, mediaTimeS, cameraId, newPose, rgb, thermal);
    }

    public Frame withTimestamp(Instant newTimestamp) {
        return new Frame(sequence, newTimestamp, mediaTimeS, cameraId, pose, rgb, thermal);
    }
}
