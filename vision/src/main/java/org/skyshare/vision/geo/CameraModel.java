package org.skyshare.vision.geo;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.vision.frame.CapturePose;

/**
 * Pinhole model of a camera from its profile (focal length in pixels, principal point at the image
 * centre, no distortion) and the rotation from camera rays to north/east/down.
 *
 * <p>Camera axes: x right, y down, z along the optical axis. At heading 0, pitch 0, roll 0 the
 * camera looks north with the image top up; pitch -90 looks straight down with the image top
 * towards the heading.
 */
public final class CameraModel {
    private final double focalPx;
    private final double cx;
    private final double cy;
    private final int widthPx;
    private final int heightPx;
    private final double mountYawOffsetDeg;

    public CameraModel(double focalPx, int widthPx, int heightPx, double mountYawOffsetDeg) {
        if (!(focalPx > 0) || widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("a camera needs a positive focal length and image size");
        }
        this.focalPx = focalPx;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.cx = widthPx / 2.0;
        this.cy = heightPx / 2.0;
        this.mountYawOffsetDeg = mountYawOffsetDeg;
    }

    public static CameraModel of(CameraProfile camera) {
        return new CameraModel(camera.geometry().focalLengthPx(), camera.imageWidthPx(), camera.imageHeightPx(),
                camera.mountOffsetDeg());
    }

    /** The same optics for frames of another size (a video scaled from the sensor's resolution). */
    public CameraModel scaledTo(int newWidthPx, int newHeightPx) {
        if (newWidthPx == widthPx && newHeightPx == heightPx) {
            return this;
        }
        return new CameraModel(focalPx * newWidthPx / (double) widthPx, newWidthPx, newHeightPx, mountYawOffsetDeg);
    }

    public double focalPx() {
        return focalPx;
    }

    public double mountYawOffsetDeg() {
        return mountYawOffsetDeg;
    }

    public int widthPx() {
        return widthPx;
    }

    public int heightPx() {
        return heightPx;
    }

    /** Unit ray of a pixel position (pixel centres at +0.5) in camera axes. */
    public double[] rayCamera(double u, double v) {
        double x = (u - cx) / focalPx;
        double y = (v - cy) / focalPx;
        double n = Math.sqrt(x * x + y * y + 1);
        return new double[] {x / n, y / n, 1 / n};
    }

    /** Pixel position of a ray in camera axes, or null when it points behind the camera. */
    public double[] pixelOf(double[] rayCam) {
        if (rayCam[2] <= 1e-9) {
            return null;
        }
        return new double[] {cx + focalPx * rayCam[0] / rayCam[2], cy + focalPx * rayCam[1] / rayCam[2]};
    }

    /**
     * Rotation (row-major 3x3) taking camera-axis vectors to north/east/down for a pose. A stabilised
     * gimbal holds pitch and roll against the horizon; a fixed mount's angles are composed with the
     * aircraft's full attitude.
     */
    public double[] cameraToNed(CapturePose pose, boolean stabilisedGimbal) {
        double[] r;
        if (stabilisedGimbal) {
            CapturePose.CameraAttitude a = pose.cameraAttitude(true);
            r = bodyToNed(a.headingDeg() + mountYawOffsetDeg, a.pitchDeg(), a.rollDeg());
        } else {
            r = multiply(bodyToNed(pose.yawDeg(), pose.pitchDeg(), pose.rollDeg()),
                    bodyToNed(pose.gimbalYawDeg() + mountYawOffsetDeg, pose.gimbalPitchDeg(), pose.gimbalRollDeg()));
        }
        // camera (x right, y down, z forward) to body: forward = z, right = x, down = y
        return new double[] {
                r[1], r[2], r[0],
                r[4], r[5], r[3],
                r[7], r[8], r[6]};
    }

    /** Body (forward, right, down) to NED for aerospace Z-Y-X Euler angles. */
    private static double[] bodyToNed(double yawDeg, double pitchDeg, double rollDeg) {
        double psi = Math.toRadians(yawDeg);
        double theta = Math.toRadians(pitchDeg);
        double phi = Math.toRadians(rollDeg);
        double cps = Math.cos(psi), sps = Math.sin(psi);
        double cth = Math.cos(theta), sth = Math.sin(theta);
        double cph = Math.cos(phi), sph = Math.sin(phi);
        return new double[] {
                cps * cth, cps * sth * sph - sps * cph, cps * sth * cph + sps * sph,
                sps * cth, sps * sth * sph + cps * cph, sps * sth * cph - cps * sph,
                -sth, cth * sph, cth * cph};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }

    static double[] apply(double[] m, double[] v) {
        return new double[] {
                m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
                m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
                m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double[] applyTransposed(double[] m, double[] v) {
        return new double[] {
                m[0] * v[0] + m[3] * v[1] + m[6] * v[2],
                m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
                m[2] * v[0] + m[5] * v[1] + m[8] * v[2]};
    }
}
