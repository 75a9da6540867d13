package org.skyshare.sim.camera;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.sim.world.Building;
import org.skyshare.sim.world.Fire;
import org.skyshare.sim.world.LandCover;
import org.skyshare.sim.world.LandCoverRaster;
import org.skyshare.sim.world.ValueNoise;
import org.skyshare.sim.world.World;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Renders visual frames: the ground point under each pixel gets its cover's colour with a texture
 * (tree crowns, grass patches, ripples, asphalt), fires glow with a charred rim, smoke drifts over
 * them, and the sensor adds a little seeded noise. Frames are {@link BufferedImage#TYPE_3BYTE_BGR},
 * the layout FFmpeg encoders take without conversion. Thread-safe.
 */
public final class RgbCamera {
    private static final int SKY_R = 172;
    private static final int SKY_G = 200;
    private static final int SKY_B = 232;

    private final World world;
    private final CameraProfile camera;

    public RgbCamera(World world, CameraProfile camera) {
        this.world = world;
        this.camera = camera;
    }

    public CameraProfile camera() {
        return camera;
    }

    public ViewGeometry view(VehiclePose pose, GimbalAttitude gimbal) {
        return new ViewGeometry(camera, world.frame(), world.groundAltitudeM(), pose, gimbal);
    }

    public BufferedImage render(VehiclePose pose, GimbalAttitude gimbal, long frameSeq) {
        return render(view(pose, gimbal), frameSeq);
    }

    public BufferedImage render(ViewGeometry view, long frameSeq) {
        int w = view.width();
        int h = view.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        double[] b = view.basis();
        double fpx = b[9], cx = b[10], cy = b[11];
        double hag = view.heightAboveGroundM();
        double camX = view.cameraEastM(), camY = view.cameraNorthM();
        LandCoverRaster.Cursor cursor = world.raster().cursor();
        long seed = world.seed();
        long frameSalt = seed ^ (frameSeq * 0x632BE59BD9B4E019L);
        double reach = world.fireReachM();
        int[] rgb = new int[3];
        for (int j = 0; j < h; j++) {
            double bj = j + 0.5 - cy;
            for (int i = 0; i < w; i++) {
                double a = i + 0.5 - cx;
                double dz = fpx * b[2] + a * b[5] - bj * b[8];
                int o = (j * w + i) * 3;
                if (dz >= 0 || hag <= 0) {
                    px[o] = (byte) SKY_B;
                    px[o + 1] = (byte) SKY_G;
                    px[o + 2] = (byte) SKY_R;
                    continue;
                }
                double t = -hag / dz;
                double x = camX + t * (fpx * b[0] + a * b[3] - bj * b[6]);
                double y = camY + t * (fpx * b[1] + a * b[4] - bj * b[7]);
                shadeGround(cursor.at(x, y), x, y, seed, rgb);
                if (nearAnyFire(x, y, reach)) {
                    shadeFire(x, y, seed, frameSeq, rgb);
                }
                double n = (ValueNoise.lattice(frameSalt, i, j) - 0.5) * 6;
                px[o] = clamp(rgb[2] + n);
                px[o + 1] = clamp(rgb[1] + n);
                px[o + 2] = clamp(rgb[0] + n);
            }
        }
        return img;
    }

    private void shadeGround(LandCover cover, double x, double y, long seed, int[] out) {
        int base = cover.rgb();
        double k;
        switch (cover) {
            case FOREST -> {
                // crowns a few metres across with darker gaps between them
                // rotated lattices so crowns do not line up with north
                double rx = 0.8 * x + 0.6 * y;
                double ry = -0.6 * x + 0.8 * y;
                double crown = 0.7 * ValueNoise.noise(seed + 11, rx / 2.6, ry / 2.6)
                        + 0.3 * ValueNoise.noise(seed + 14, (x - y) / 1.7, (x + y) / 1.7);
                double leaf = ValueNoise.noise(seed + 12, x / 0.6, y / 0.6);
                k = crown < 0.3 ? 0.45 + crown : 0.8 + 0.5 * (crown - 0.3) + 0.2 * (leaf - 0.5);
                double hue = ValueNoise.noise(seed + 13, x / 25, y / 25);
                base = mix(base, 0x4a6b2a, hue * 0.6);
            }
            case GRASS -> {
                double patch = ValueNoise.noise(seed + 21, x / 9, y / 9);
                base = mix(base, 0x9c9a55, patch * 0.5);
                k = 0.88 + 0.2 * ValueNoise.noise(seed + 22, x / 0.8, y / 0.8);
            }
            case WATER -> {
                k = 0.93 + 0.1 * ValueNoise.noise(seed + 31, x / 1.2 + y / 4, y / 0.5);
            }
            case FLOOD_WATER -> {
                double silt = ValueNoise.noise(seed + 41, x / 12, y / 12);
                base = mix(base, 0x4f5e63, silt * 0.5);
                k = 0.92 + 0.12 * ValueNoise.noise(seed + 42, x / 1.5, y / 0.7);
            }
            case ROAD -> k = 0.92 + 0.12 * ValueNoise.noise(seed + 51, x / 0.4, y / 0.4);
            case ROOF -> {
                Building bld = world.buildingAt(x, y);
                // raster cells straddle the roof's edge; outside the exact outline it is the yard
                base = bld != null ? bld.roofRgb() : LandCover.GRASS.rgb();
                k = 0.95 + 0.08 * ValueNoise.noise(seed + 61, x / 0.5, y / 0.5);
            }
            case TOWER -> {
                // lattice members over the grass below
                double fx = Math.abs(x) % 1.5;
                double fy = Math.abs(y) % 1.5;
                boolean steel = fx < 0.25 || fy < 0.25 || Math.abs(fx - fy) < 0.2;
                base = steel ? 0x3c3d40 : LandCover.GRASS.rgb();
                k = 1;
            }
            default -> k = 0.95 + 0.1 * ValueNoise.noise(seed + 71, x / 0.7, y / 0.7);
        }
        out[0] = (int) (((base >> 16) & 0xff) * k);
        out[1] = (int) (((base >> 8) & 0xff) * k);
        out[2] = (int) ((base & 0xff) * k);
    }

    private void shadeFire(double x, double y, long seed, long frameSeq, int[] rgb) {
        for (Fire f : world.fires()) {
            double d = Math.hypot(x - f.position().eastM(), y - f.position().northM());
            if (d >= f.radiusM() * 1.7) {
                continue;
            }
            // flames change shape from frame to frame
            double flicker = ValueNoise.noise(seed + 81 + frameSeq, x / 0.7, y / 0.7);
            if (d < f.radiusM() * (0.85 + 0.3 * flicker)) {
                double t = d / f.radiusM();
                int flame = mix(0xfff2b0, 0xe8501a, Math.min(1, t * (0.8 + 0.4 * flicker)));
                blend(rgb, flame, 0.95);
            } else {
                double char_ = ValueNoise.noise(seed + 82, x / 0.9, y / 0.9);
                blend(rgb, 0x2a2420, 0.5 + 0.45 * char_);
            }
        }
        double smoke = world.smokeDensity(x, y);
        if (smoke > 0.002) {
            blend(rgb, 0xd2d2d6, 0.85 * smoke);
        }
    }

    private boolean nearAnyFire(double x, double y, double reach) {
        for (Fire f : world.fires()) {
            if (Math.abs(x - f.position().eastM()) < reach && Math.abs(y - f.position().northM()) < reach) {
                return true;
            }
        }
        return false;
    }

    private static void blend(int[] rgb, int c, double alpha) {
        rgb[0] = (int) (rgb[0] + (((c >> 16) & 0xff) - rgb[0]) * alpha);
        rgb[1] = (int) (rgb[1] + (((c >> 8) & 0xff) - rgb[1]) * alpha);
        rgb[2] = (int) (rgb[2] + ((c & 0xff) - rgb[2]) * alpha);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) (((a >> 16) & 0xff) + ((((b >> 16) & 0xff) - ((a >> 16) & 0xff)) * t));
        int g = (int) (((a >> 8) & 0xff) + ((((b >> 8) & 0xff) - ((a >> 8) & 0xff)) * t));
        int bl = (int) ((a & 0xff) + (((b & 0xff) - (a & 0xff)) * t));
        return (r << 16) | (g << 8) | bl;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) v));
    }
}
