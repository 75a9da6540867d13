package org.skyshare.sim.camera;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.sim.world.LocalFrame;

/**
 * A pinhole camera placed in the world's local frame: which ground point each pixel sees on the
 * flat ground, and which pixel sees a ground point. Image x grows to the right, y downwards; the
 * principal point is the image centre, so pixel (i, j) covers the ray through (i + 0.5, j + 0.5).
 * With pitch -90 the top of the image points along the camera's absolute yaw.
 */
public final class ViewGeometry {
    private final int width;
    private final int height;
    private final double focalPx;
    private final double cx;
    private final double cy;
    private final double camX;
    private final double camY;
    private final double heightAboveGroundM;
    // camera basis in east-north-up: forward (optical axis), right, up (image up)
    private final double[] f;
    private final double[] r;
    private final double[] u;

    public ViewGeometry(CameraProfile camera, LocalFrame frame, double groundAltitudeM, VehiclePose pose, GimbalAttitude gimbal) {
        this(camera.imageWidthPx(), camera.imageHeightPx(), camera.geometry().focalLengthPx(),
                frame.toLocal(pose.latDeg(), pose.lonDeg()), pose.altitudeAmslM() - groundAltitudeM,
                pose.headingDeg() + gimbal.yawDeg() + camera.mountOffsetDeg(), gimbal.pitchDeg(), gimbal.rollDeg());
    }

    public ViewGeometry(int width, int height, double focalPx, LocalFrame.XY position, double heightAboveGroundM,
                        double yawDeg, double pitchDeg, double rollDeg) {
        this.width = width;
        this.height = height;
        this.focalPx = focalPx;
        this.cx = width / 2.0;
        this.cy = height / 2.0;
        this.camX = position.eastM();
        this.camY = position.northM();
        this.heightAboveGroundM = heightAboveGroundM;
        double psi = Math.toRadians(yawDeg);
        double th = Math.toRadians(pitchDeg);
        double ph = Math.toRadians(rollDeg);
        double[] fwd = {Math.sin(psi) * Math.cos(th), Math.cos(psi) * Math.cos(th), Math.sin(th)};
        double[] right = {Math.cos(psi), -Math.sin(psi), 0};
        double[] up = cross(right, fwd);
        this.f = fwd;
        this.r = new double[3];
        this.u = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = right[k] * Math.cos(ph) - up[k] * Math.sin(ph);
            u[k] = up[k] * Math.cos(ph) + right[k] * Math.sin(ph);
        }
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double heightAboveGroundM() {
        return heightAboveGroundM;
    }

    public double cameraEastM() {
        return camX;
    }

    public double cameraNorthM() {
        return camY;
    }

    /** Direction of pixel column/row offsets for a renderer's inner loop: {fx, fy, fz, rx, ry, rz, ux, uy, uz, focalPx, cx, cy}. */
    double[] basis() {
        return new double[] {f[0], f[1], f[2], r[0], r[1], r[2], u[0], u[1], u[2], focalPx, cx, cy};
    }

    /**
     * Ground point (east, north) seen through an image position (pixel coordinates, continuous), or
     * null when that ray misses the ground (sky).
     */
    public LocalFrame.XY ground(double imageX, double imageY) {
        double a = imageX - cx;
        double b = imageY - cy;
        double dx = focalPx * f[0] + a * r[0] - b * u[0];
        double dy = focalPx * f[1] + a * r[1] - b * u[1];
        double dz = focalPx * f[2] + a * r[2] - b * u[2];
        if (dz >= 0 || heightAboveGroundM <= 0) {
            return null;
        }
        double t = -heightAboveGroundM / dz;
        return new LocalFrame.XY(camX + t * dx, camY + t * dy);
    }

    /** Image position (continuous pixel coordinates) of a ground point, or null when behind the camera. */
    public double[] project(double eastM, double northM) {
        double vx = eastM - camX;
        double vy = northM - camY;
        double vz = -heightAboveGroundM;
        double zf = vx * f[0] + vy * f[1] + vz * f[2];
        if (zf <= 0) {
            return null;
        }
        double xr = vx * r[0] + vy * r[1] + vz * r[2];
        double yu = vx * u[0] + vy * u[1] + vz * u[2];
        return new double[] {cx + focalPx * xr / zf, cy - focalPx * yu / zf};
    }
}
