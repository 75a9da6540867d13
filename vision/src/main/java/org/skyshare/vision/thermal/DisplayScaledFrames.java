package org.skyshare.vision.thermal;

import org.skyshare.vision.frame.ThermalImage;

import java.awt.image.BufferedImage;

/**
 * 8-bit display-scaled thermal frames (what most public thermal datasets and many video links
 * carry) as input to the hot-spot detector. Their grey levels are not temperatures: the camera's
 * automatic gain stretched each frame's own range to 0..255. The detector is run on the grey level
 * itself ("display units") with thresholds chosen for display units; its absolute test then means
 * "near the top of this frame's range", which is much weaker than a radiometric temperature test.
 */
public final class DisplayScaledFrames {
    private DisplayScaledFrames() {
    }

    /** Grey level (mean of R, G, B for colour-coded input) as a pseudo-temperature in display units. */
    public static ThermalImage toDisplayUnits(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        float[] v = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                v[y * w + x] = (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3f;
            }
        }
        return new ThermalImage(w, h, v);
    }

    /** Detector thresholds in display units: hot at {@code hotLevel}, fire at {@code fireLevel}, never "certain". */
    public static ThermalParameters parameters(double hotLevel, double fireLevel, double contextDelta, double sceneDelta) {
        return ThermalParameters.defaults().withThresholds(hotLevel, hotLevel, fireLevel, 1e9)
                .withContext(contextDelta, 3.5, sceneDelta);
    }
}
