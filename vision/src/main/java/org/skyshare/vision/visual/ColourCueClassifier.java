package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;

/**
 * The colour rules alone as a classifier: the fallback when no model can be loaded. Scores fire only (smoke has no
 * reliable colour); a frame scores 0.5 when {@code triggerFraction} of it is flame-coloured.
 */
public final class ColourCueClassifier implements FireSmokeClassifier {
    public static final double DEFAULT_TRIGGER_FRACTION = 0.01;
    private final FireColourCue cue;
    private final double triggerFraction;

    public ColourCueClassifier(FireColourCue cue, double triggerFraction) {
        if (!(triggerFraction > 0 && triggerFraction < 1)) {
            throw new IllegalArgumentException("trigger fraction must lie in (0, 1), got " + triggerFraction);
        }
        this.cue = cue;
        this.triggerFraction = triggerFraction;
    }

    public ColourCueClassifier() {
        this(new FireColourCue(), DEFAULT_TRIGGER_FRACTION);
    }

    @Override
    public FireSmokeScores classify(BufferedImage image) {
        double f = cue.analyse(image).fireFraction();
        // maps triggerFraction to 0.5 and saturates towards 1 for frames largely in flame colours
        double score = f / (f + triggerFraction);
        return new FireSmokeScores(score, 0);
    }
}
