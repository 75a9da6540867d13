package org.skyshare.vision.thermal;

import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;

/**
 * One connected group of hot pixels with its contextual statistics, as the detector judged it.
 *
 * @param backgroundMeanC  mean of the valid background pixels around it (NaN when too few)
 * @param backgroundMadC   their mean absolute deviation
 * @param kind             FIRE or HOTSPOT, or null when rejected
 */
public record HotComponent(
        PixelBox box,
        int pixelCount,
        double peakC,
        double meanC,
        int peakX,
        int peakY,
        double backgroundMeanC,
        double backgroundMadC,
        boolean contextPassed,
        DetectionKind kind,
        double confidence) {

    public boolean accepted() {
        return kind != null;
    }
}
