package org.skyshare.vision.flood;

import java.util.BitSet;

/** Which pixels of a {@code width x height} frame are water: bit {@code y * width + x}. */
public record WaterMask(int width, int height, BitSet bits) {
    public WaterMask {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (bits.length() > (long) width * height) {
            throw new IllegalArgumentException("mask bits reach past a " + width + "x" + height + " frame");
        }
        bits = (BitSet) bits.clone();
    }

    public boolean isWater(int x, int y) {
        return bits.get(y * width + x);
    }

    public int waterPixels() {
        return bits.cardinality();
    }

    public double waterFraction() {
        return (double) waterPixels() / ((long) width * height);
    }

    @Override
    public BitSet bits() {
        return (BitSet) bits.clone();
    }

    /** Intersection over union with a mask of the same size; 1 when neither has water. */
    public double iou(WaterMask other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("masks differ in size: " + width + "x" + height + " vs "
                    + other.width + "x" + other.height);
        }
        BitSet inter = (BitSet) bits.clone();
        inter.and(other.bits);
        BitSet union = (BitSet) bits.clone();
        union.or(other.bits);
        return union.isEmpty() ? 1.0 : (double) inter.cardinality() / union.cardinality();
    }

    int intersection(WaterMask other) {
        BitSet inter = (BitSet) bits.clone();
        inter.and(other.bits);
        return inter.cardinality();
    }

    int union(WaterMask other) {
        BitSet union = (BitSet) bits.clone();
        union.or(other.bits);
        return union.cardinality();
    }
}
