package org.skyshare.profiles;

/**
 * Ground figures of a camera looking straight down (nadir) from a height above ground. The image's
 * width lies across the flight track and its height along it, as survey planners fly a camera in
 * landscape orientation.
 */
public final class CameraGeometry {
    private final CameraProfile camera;

    CameraGeometry(CameraProfile camera) {
        this.camera = camera;
    }

    /** Pixel pitch in millimetres (sensor width over image width). */
    public double pixelPitchMm() {
        return camera.sensorWidthMm() / camera.imageWidthPx();
    }

    /** Ground sample distance in metres per pixel at a height above ground. */
    public double gsdM(double heightM) {
        return pixelPitchMm() * heightM / camera.focalLengthMm();
    }

    /** Height above ground at which one pixel covers the wanted ground distance. */
    public double heightForGsdM(double gsdM) {
        return gsdM * camera.focalLengthMm() / pixelPitchMm();
    }

    /** Ground width covered across the track, in metres. */
    public double footprintAcrossM(double heightM) {
        return camera.sensorWidthMm() * heightM / camera.focalLengthMm();
    }

    /** Ground length covered along the track, in metres. */
    public double footprintAlongM(double heightM) {
        return camera.sensorHeightMm() * heightM / camera.focalLengthMm();
    }

    public Footprint footprint(double heightM) {
        return new Footprint(footprintAcrossM(heightM), footprintAlongM(heightM));
    }

    /** Distance between neighbouring flight lines for a side overlap (0..1). */
    public double lineSpacingM(double heightM, double sideOverlap) {
        return footprintAcrossM(heightM) * (1 - overlap(sideOverlap));
    }

    /** Distance between photo triggers along a line for a front overlap (0..1). */
    public double photoSpacingM(double heightM, double frontOverlap) {
        return footprintAlongM(heightM) * (1 - overlap(frontOverlap));
    }

    public double horizontalFovDeg() {
        return fov(camera.sensorWidthMm());
    }

    public double verticalFovDeg() {
        return fov(camera.sensorHeightMm());
    }

    public double diagonalFovDeg() {
        return fov(Math.hypot(camera.sensorWidthMm(), camera.sensorHeightMm()));
    }

    /** Focal length in pixels, the intrinsic that georeferencing and registration use. */
    public double focalLengthPx() {
        return camera.focalLengthMm() / pixelPitchMm();
    }

    private double fov(double sensorMm) {
        return Math.toDegrees(2 * Math.atan(sensorMm / (2 * camera.focalLengthMm())));
    }

    private static double overlap(double overlap) {
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be a fraction from 0 up to (not including) 1, got " + overlap);
        }
        return overlap;
    }

    /** Ground rectangle seen by one frame, in metres. */
    public record Footprint(double acrossM, double alongM) {
        public double areaM2() {
            return acrossM * alongM;
        }
    }
}
