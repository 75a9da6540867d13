package org.skyshare.vision.visual;

/**
 * Frame-level scores in [0, 1]: how sure the classifier is that the frame shows flame and that it shows smoke.
 * A frame is a fire/smoke hazard when {@link #hazardScore()} reaches the decision threshold.
 */
public record FireSmokeScores(double fireScore, double smokeScore) {
    /** The threshold the evaluation figures in docs/performance/vision-models.md were measured at. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public FireSmokeScores {
        if (!(fireScore >= 0 && fireScore <= 1) || !(smokeScore >= 0 && smokeScore <= 1)) {
            throw new IllegalArgumentException("scores must lie in [0, 1], got fire " + fireScore + ", smoke " + smokeScore);
        }
    }

    public double hazardScore() {
        return Math.max(fireScore, smokeScore);
    }

    public boolean isHazard(double threshold) {
        return hazardScore() >= threshold;
    }

    public boolean isHazard() {
        return isHazard(DEFAULT_THRESHOLD);
    }
}
