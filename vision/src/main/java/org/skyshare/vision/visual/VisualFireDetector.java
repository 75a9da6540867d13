package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Visual fire/smoke detections for one RGB frame. With a YOLOv8 model the model's boxes are returned. With a
 * classifier, the frame is scored as a whole and, when it is a hazard, the box is placed by the model's cells
 * where it has them (the built-in model: the region of its strongest cells), else by the colour cue for fire
 * (the whole frame when no pixel is flame-coloured) and on the whole frame for smoke.
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
        FireSmokeScores scores;
        HazardCells cells = null;
        if (classifier instanceof FireSmokeModel model) {
            FireSmokeModel.Reading reading = model.read(image);
            scores = reading.scores();
            cells = reading.cells();
        } else {
            scores = classifier.classify(image);
        }
        List<FireSmokeBox> boxes = new ArrayList<>();
        if (cells != null) {
            for (FireSmokeClass kind : FireSmokeClass.values()) {
                double score = kind == FireSmokeClass.FIRE ? scores.fireScore() : scores.smokeScore();
                if (score >= threshold) {
                    boxes.add(cells.regionBox(kind, image.getWidth(), image.getHeight(), score));
                }
            }
            return boxes;
        }
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
