package org.skyshare.vision.frame;

import org.skyshare.profiles.ThermalSpec;

import java.util.Objects;

/**
 * A radiometric thermal frame: one temperature in degrees Celsius per pixel, row by row.
 *
 * <p>Temperatures are kept as a primitive {@code float[]} so detectors run over them without boxing
 * or per-pixel allocation. The array is owned by this image: callers must not change it after
 * construction (it is not copied, for speed).
 */
public final class ThermalImage {
    private final int width;
    private final int height;
    private final float[] temperaturesC;

    public ThermalImage(int width, int height, float[] temperaturesC) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a thermal image needs a positive size, got " + width + "x" + height);
        }
        Objects.requireNonNull(temperaturesC, "temperaturesC");
        if (temperaturesC.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " thermal image needs "
                    + (width * height) + " temperatures, got " + temperaturesC.length);
        }
        this.width = width;
        this.height = height;
        this.temperaturesC = temperaturesC;
    }

    /**
     * Decodes raw sensor counts (as unsigned 16-bit values held in shorts, or sign-extended when the
     * spec says so) with the camera's mapping {@code temperatureC = raw * rawScale + rawOffsetC}.
     */
    public static ThermalImage fromRaw(int width, int height, short[] raw, ThermalSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (raw.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " raw thermal frame needs "
                    + (width * height) + " values, got " + raw.length);
        }
        float[] lut = LOOKUP.computeIfAbsent(spec, ThermalImage::lookupTable);
        float[] t = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            t[i] = lut[raw[i] & 0xFFFF];
        }
        return new ThermalImage(width, height, t);
    }

    /** One temperature per 16-bit count: a table lookup per pixel instead of sign handling and arithmetic. */
    private static final java.util.Map<ThermalSpec, float[]> LOOKUP = new java.util.concurrent.ConcurrentHashMap<>();

    private static float[] lookupTable(ThermalSpec spec) {
        float[] lut = new float[65536];
        for (int bits = 0; bits < lut.length; bits++) {
            lut[bits] = (float) spec.toCelsius(bits);
        }
        return lut;
    }

    /** Encodes back to raw counts with the camera's mapping (what a radiometric stream carries). */
    public short[] toRaw(ThermalSpec spec) {
        short[] raw = new short[temperaturesC.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (short) spec.toRaw(temperaturesC[i]);
        }
        return raw;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float temperatureC(int x, int y) {
        return temperaturesC[y * width + x];
    }

    /** The backing array, row-major; read only. */
    public float[] temperaturesC() {
        return temperaturesC;
    }
}
