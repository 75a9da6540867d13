package org.skyshare.vision.thermal;

import org.skyshare.vision.frame.ThermalImage;

import java.util.SplittableRandom;

/**
 * Builds radiometric test scenes: textured ground plus hot objects (fires, sun-heated roofs, people,
 * vehicles). Used by the detector's benchmark and evaluation, where real radiometric drone frames
 * are not available. Deterministic for a seed.
 */
public final class SyntheticThermalScene {
    private final int width;
    private final int height;
    private final float[] t;
    private final SplittableRandom random;

    public SyntheticThermalScene(int width, int height, double groundC, double groundTextureC, long seed) {
        this.width = width;
        this.height = height;
        this.t = new float[width * height];
        this.random = new SplittableRandom(seed);
        // smooth texture: coarse random field bilinearly upsampled, plus sensor noise (~NETD)
        int cell = 16;
        int cw = width / cell + 2, ch = height / cell + 2;
        float[] coarse = new float[cw * ch];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = (float) ((random.nextDouble() * 2 - 1) * groundTextureC);
        }
        for (int y = 0; y < height; y++) {
            int cy = y / cell;
            float fy = (y % cell) / (float) cell;
            for (int x = 0; x < width; x++) {
                int cx = x / cell;
                float fx = (x % cell) / (float) cell;
                float a = coarse[cy * cw + cx], b = coarse[cy * cw + cx + 1];
                float c = coarse[(cy + 1) * cw + cx], d = coarse[(cy + 1) * cw + cx + 1];
                float v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
                t[y * width + x] = (float) (groundC + v + random.nextGaussian() * 0.05);
            }
        }
    }

    /** A fire: a hot core of {@code peakC} falling off to the ground temperature over {@code radiusPx}. */
    public SyntheticThermalScene fire(int cx, int cy, double radiusPx, double peakC) {
        int r = (int) Math.ceil(radiusPx * 1.5);
        for (int y = Math.max(0, cy - r); y < Math.min(height, cy + r + 1); y++) {
            for (int x = Math.max(0, cx - r); x < Math.min(width, cx + r + 1); x++) {
                double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radiusPx * radiusPx);
                double heat = peakC * Math.exp(-2 * d2) * (0.85 + 0.15 * random.nextDouble());
                int i = y * width + x;
                if (heat > t[i]) {
                    t[i] = (float) heat;
                }
            }
        }
        return this;
    }

    /** A uniform warm rectangle (roof, rock, vehicle body) at {@code surfaceC} with slight variation. */
    public SyntheticThermalScene rectangle(int x0, int y0, int w, int h, double surfaceC) {
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
                t[y * width + x] = (float) (surfaceC + random.nextGaussian() * 0.8);
            }
        }
        return this;
    }

    /** A person or animal seen from above: a small warm blob. */
    public SyntheticThermalScene person(int cx, int cy) {
        return rectangle(cx - 2, cy - 2, 4, 4, 34);
    }

    /** A vehicle: warm body with a hot exhaust/engine spot. */
    public SyntheticThermalScene vehicle(int x0, int y0, double engineC) {
        rectangle(x0, y0, 16, 8, 45);
        return rectangle(x0 + 12, y0 + 2, 3, 3, engineC);
    }

    /** A single defective pixel. */
    public SyntheticThermalScene pixel(int x, int y, double c) {
        t[y * width + x] = (float) c;
        return this;
    }

    public ThermalImage image() {
        return new ThermalImage(width, height, t.clone());
    }
}
