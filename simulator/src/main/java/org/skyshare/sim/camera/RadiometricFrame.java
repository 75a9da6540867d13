package org.skyshare.sim.camera;

import org.skyshare.profiles.ThermalSpec;

/**
 * A radiometric thermal frame: one raw count per pixel, row by row from the top-left, stored in a
 * {@code short} and read unsigned (or signed when the spec says so); {@link ThermalSpec} maps a
 * count to degrees Celsius.
 */
public record RadiometricFrame(int width, int height, short[] rawCounts, ThermalSpec spec) {

    public RadiometricFrame {
        if (rawCounts.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height + " counts, got " + rawCounts.length);
        }
    }

    public int raw(int x, int y) {
        return rawCounts[y * width + x] & 0xffff;
    }

    public double temperatureC(int x, int y) {
        return spec.toCelsius(raw(x, y));
    }

    public double maxTemperatureC() {
        int best = 0;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < rawCounts.length; i++) {
            double t = spec.toCelsius(rawCounts[i] & 0xffff);
            if (t > max) {
                max = t;
                best = i;
            }
        }
        return max;
    }
}
