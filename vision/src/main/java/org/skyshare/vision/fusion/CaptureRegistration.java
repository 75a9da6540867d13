package org.skyshare.vision.fusion;

import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.geo.CameraModel;

import java.util.Optional;

/**
 * Maps pixels between the thermal and visual frames of one capture. Both sensors sit on one gimbal
 * a few centimetres apart while the ground is tens of metres away, so parallax is negligible and
 * the mapping is a pure rotation of rays: each camera's own intrinsics (focal length, centre) and
 * the difference of their mount yaw offsets from the profiles.
 */
public final class CaptureRegistration {
    private final CameraModel from;
    private final CameraModel to;
    private final double cos;
    private final double sin;

    public CaptureRegistration(CameraModel from, CameraModel to) {
        this.from = from;
        this.to = to;
        double delta = Math.toRadians(to.mountYawOffsetDeg() - from.mountYawOffsetDeg());
        this.cos = Math.cos(delta);
        this.sin = Math.sin(delta);
    }

    /** The pixel of {@code to} that sees what pixel {@code (u, v)} of {@code from} sees; null when outside its view. */
    public double[] map(double u, double v) {
        double[] r = from.rayCamera(u, v);
        // rotate about the camera's vertical (y) axis by the mount yaw difference
        double x = cos * r[0] - sin * r[2];
        double z = sin * r[0] + cos * r[2];
        return to.pixelOf(new double[] {x, r[1], z});
    }

    /** A box mapped into the other frame and clipped to it; empty when it falls outside. */
    public Optional<PixelBox> mapBox(PixelBox b) {
        double[] a = map(b.x(), b.y());
        double[] c = map(b.x() + b.width(), b.y() + b.height());
        if (a == null || c == null) {
            return Optional.empty();
        }
        int x0 = (int) Math.floor(Math.max(0, Math.min(a[0], c[0])));
        int y0 = (int) Math.floor(Math.max(0, Math.min(a[1], c[1])));
        int x1 = (int) Math.ceil(Math.min(to.widthPx(), Math.max(a[0], c[0])));
        int y1 = (int) Math.ceil(Math.min(to.heightPx(), Math.max(a[1], c[1])));
        if (x1 <= x0 || y1 <= y0) {
            return Optional.empty();
        }
        return Optional.of(new PixelBox(x0, y0, x1 - x0, y1 - y0));
    }

    public CaptureRegistration inverse() {
        return new CaptureRegistration(to, from);
    }
}
