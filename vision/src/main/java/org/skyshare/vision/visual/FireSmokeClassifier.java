package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;

/** Anything that scores a whole RGB frame for fire and smoke: the learned model or the colour rules. */
@FunctionalInterface
public interface FireSmokeClassifier {
    FireSmokeScores classify(BufferedImage image);
}
