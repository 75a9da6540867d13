package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Visual fire/smoke detections for one RGB frame. With a YOLOv8 model the model's boxes are returned. With a
 * classifier (the built-in model or the colour fallback), the frame is scored as a whole and, when it is a hazard,
 * the flame is placed by the colour cue (the whole frame when no pixel is flame-coloured, and always for smoke).
 */
public final class VisualFireDetector {
    private final FireSmokeClassifier classifier;
    private final FireColourCue cue;
    private final double threshold;

    public VisualFireDetector(FireSmokeClassifier classifier, FireColourCue cue, double threshold) {
        this.classifier = classifier;
        this.cue = cue;
        this.threshold = threshold;
    }

    public VisualFireDetector(FireSmokeClassifier classifier) {
        this(classifier, new FireColourCue(), FireSmokeScores.DEFAULT_THRESHOLD);
    }

    public List<FireSmokeBox> detect(BufferedImage image) {
        if (classifier instanceof FireSmokeModel model && model.config().layout() == OutputLayout.YOLOV8) {
            return model.detect(image).stream().filter(b -> b.score() >= threshold).toList();
        }
        FireSmokeScores scores = classifier.classify(image);
        List<FireSmokeBox> boxes = new ArrayList<>();
        if (scores.fireScore() >= threshold) {
            FireSmokeBox located = cue.analyse(image).box();
            boxes.add(located == null
                    ? new FireSmokeBox(FireSmokeClass.FIRE, 0, 0, image.getWidth(), image.getHeight(), scores.fireScore())
                    : new FireSmokeBox(FireSmokeClass.FIRE, located.xPx(), located.yPx(), located.widthPx(),
                    located.heightPx(), scores.fireScore()));
        }
        if (scores.smokeScore() >= threshold) {
            boxes.add(new FireSmokeBox(FireSmokeClass.SMOKE, 0, 0, image.getWidth(), image.getHeight(),
                    scores.smokeScore()));
        }
        return boxes;
    }
}
