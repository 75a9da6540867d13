package org.skyshare.vision.flood;

import java.awt.image.BufferedImage;

/** Finds the water in an RGB frame. */
@FunctionalInterface
public interface WaterSegmenter {
    WaterMask segment(BufferedImage image);

    /** The segmentation model shipped in the vision jar (training/train_water.py). */
    static OnnxWaterSegmenter builtIn() {
        return OnnxWaterSegmenter.builtIn();
    }
}
