package org.skyshare.sim.world;

/**
 * Seeded, smooth 2-D value noise. Textures and temperature variations come from here so that a
 * world and a seed always render the same frame, on any thread, without a shared random source.
 */
public final class ValueNoise {
    private ValueNoise() {
    }

    /** Hash of a lattice point to [0, 1). */
    public static double lattice(long seed, int ix, int iy) {
        long h = seed * 0x9E3779B97F4A7C15L + ix * 0xC2B2AE3D27D4EB4FL + iy * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Smooth noise in [0, 1) with features about one unit across. */
    public static double noise(long seed, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        double sx = fx * fx * (3 - 2 * fx);
        double sy = fy * fy * (3 - 2 * fy);
        double a = lattice(seed, ix, iy);
        double b = lattice(seed, ix + 1, iy);
        double c = lattice(seed, ix, iy + 1);
        double d = lattice(seed, ix + 1, iy + 1);
        double top = a + (b - a) * sx;
        double bottom = c + (d - c) * sx;
        return top + (bottom - top) * sy;
    }

    /** Two octaves, in [0, 1). */
    public static double fractal(long seed, double x, double y) {
        return 0.65 * noise(seed, x, y) + 0.35 * noise(seed + 1, x * 2.3, y * 2.3);
    }
}
