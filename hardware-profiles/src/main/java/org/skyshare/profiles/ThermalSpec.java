package org.skyshare.profiles;

/**
 * What makes a thermal camera radiometric: its measurement range, sensitivity and how a raw pixel
 * value becomes a temperature ({@code temperatureC = raw * rawScale + rawOffsetC}).
 *
 * @param netdMk     noise-equivalent temperature difference in millikelvin
 * @param rawBits    bits per raw pixel in the radiometric stream (usually 16)
 * @param rawScale   degrees per raw count (0.01 for centikelvin TLinear streams, 0.1 for DJI's deci-degrees)
 * @param rawOffsetC temperature of raw value 0 (-273.15 for Kelvin-based streams)
 * @param rawSigned  raw counts are two's-complement (DJI's INT16 deci-degrees), not unsigned
 */
public record ThermalSpec(
        double rangeMinC,
        double rangeMaxC,
        double netdMk,
        int rawBits,
        double rawScale,
        double rawOffsetC,
        boolean rawSigned) {

    /** Temperature of a raw count as read from the stream's bits (sign-extended when signed). */
    public double toCelsius(int rawBitsValue) {
        int raw = rawSigned ? (rawBitsValue << (32 - rawBits)) >> (32 - rawBits) : rawBitsValue;
        return raw * rawScale + rawOffsetC;
    }

    /** The raw count closest to a temperature, clamped to the stream's range, as stream bits. */
    public int toRaw(double temperatureC) {
        long raw = Math.round((temperatureC - rawOffsetC) / rawScale);
        long min = rawSigned ? -(1L << (rawBits - 1)) : 0;
        long max = rawSigned ? (1L << (rawBits - 1)) - 1 : (1L << rawBits) - 1;
        long clamped = Math.max(min, Math.min(max, raw));
        return (int) (clamped & ((1L << rawBits) - 1));
    }

    void check(Checks c) {
        c.atLeast("thermal.range_max_c", rangeMaxC, "thermal.range_min_c", rangeMinC);
        c.positive("thermal.netd_mk", netdMk);
        c.range("thermal.raw_bits", rawBits, 8, 32);
        c.positive("thermal.raw_scale", rawScale);
    }
}
