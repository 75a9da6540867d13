package org.skyshare.sim.camera;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ThermalSpec;
import org.skyshare.sim.world.LandCover;
import org.skyshare.sim.world.LandCoverRaster;
import org.skyshare.sim.world.World;

import java.util.SplittableRandom;

/**
 * Renders radiometric frames: each pixel's ray meets the flat ground, the world gives that point's
 * surface temperature (fires included; long-wave infrared sees through the smoke, which is left out
 * here), the sensor adds noise at its NETD, and the profile's
 * {@link ThermalSpec} turns degrees into raw counts. Thread-safe; one instance per camera.
 */
public final class ThermalCamera {
    private static final double SKY_C = -20;

    private final World world;
    private final CameraProfile camera;
    private final ThermalSpec spec;
    private final double noiseK;

    public ThermalCamera(World world, CameraProfile camera) {
        if (camera.thermal() == null) {
            throw new IllegalArgumentException("camera " + camera.id() + " is not a radiometric thermal camera (no thermal section)");
        }
        this.world = world;
        this.camera = camera;
        this.spec = camera.thermal();
        this.noiseK = spec.netdMk() / 1000.0;
    }

    public CameraProfile camera() {
        return camera;
    }

    public ViewGeometry view(VehiclePose pose, GimbalAttitude gimbal) {
        return new ViewGeometry(camera, world.frame(), world.groundAltitudeM(), pose, gimbal);
    }

    /** Renders the frame seen at a pose; {@code frameSeq} seeds the sensor noise so a frame repeats exactly. */
    public RadiometricFrame render(VehiclePose pose, GimbalAttitude gimbal, long frameSeq) {
        return render(view(pose, gimbal), frameSeq);
    }

    public RadiometricFrame render(ViewGeometry view, long frameSeq) {
        int w = view.width();
        int h = view.height();
        short[] raw = new short[w * h];
        double[] b = view.basis();
        double fpx = b[9], cx = b[10], cy = b[11];
        double hag = view.heightAboveGroundM();
        double camX = view.cameraEastM(), camY = view.cameraNorthM();
        LandCoverRaster.Cursor cursor = world.raster().cursor();
        SplittableRandom noise = new SplittableRandom(world.seed() * 31 + frameSeq * 0x9E3779B97F4A7C15L);
        double reach = world.fireReachM();
        boolean anyFire = !world.fires().isEmpty();
        int skyRaw = spec.toRaw(SKY_C);
        for (int j = 0; j < h; j++) {
            double bj = j + 0.5 - cy;
            for (int i = 0; i < w; i++) {
                double a = i + 0.5 - cx;
                double dz = fpx * b[2] + a * b[5] - bj * b[8];
                if (dz >= 0 || hag <= 0) {
                    raw[j * w + i] = (short) skyRaw;
                    continue;
                }
                double t = -hag / dz;
                double x = camX + t * (fpx * b[0] + a * b[3] - bj * b[6]);
                double y = camY + t * (fpx * b[1] + a * b[4] - bj * b[7]);
                LandCover cover = cursor.at(x, y);
                double tempC = world.groundTemperatureC(cover, x, y);
                if (anyFire && nearAnyFire(x, y, reach)) {
                    tempC = world.withFires(tempC, x, y);
                }
                raw[j * w + i] = (short) spec.toRaw(tempC + noise.nextGaussian() * noiseK);
            }
        }
        return new RadiometricFrame(w, h, raw, spec);
    }

    private boolean nearAnyFire(double x, double y, double reach) {
        for (var f : world.fires()) {
            if (Math.abs(x - f.position().eastM()) < reach && Math.abs(y - f.position().northM()) < reach) {
                return true;
            }
        }
        return false;
    }
}
