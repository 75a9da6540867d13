package org.skyshare.vision.visual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a YOLOv8 detection tensor into fire/smoke boxes in the original image's pixels: per anchor the best class,
 * a score floor, the letterbox undone, then per-class non-maximum suppression.
 */
public final class YoloV8Decoder {
    /** How the frame was letterboxed into the model input: input = frame * scale + pad. */
    public record Letterbox(double scale, double padXPx, double padYPx, int frameWidthPx, int frameHeightPx) {
    }

    private final int fireClass;
    private final int smokeClass;
    private final double minScore;
    private final double nmsIou;

    public YoloV8Decoder(int fireClass, int smokeClass, double minScore, double nmsIou) {
        this.fireClass = fireClass;
        this.smokeClass = smokeClass;
        this.minScore = minScore;
        this.nmsIou = nmsIou;
    }

    /**
     * @param values the tensor, row-major
     * @param shape  {@code [1, 4 + classes, anchors]} or {@code [1, anchors, 4 + classes]}: the smaller of the
     *               last two dimensions is taken as the per-anchor vector (YOLO heads have far more anchors)
     */
    public List<FireSmokeBox> decode(float[] values, long[] shape, Letterbox box) {
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException("expected a YOLOv8 output of shape [1, 4+classes, anchors], got "
                    + java.util.Arrays.toString(shape));
        }
        boolean channelsFirst = shape[1] <= shape[2];
        int fields = (int) (channelsFirst ? shape[1] : shape[2]);
        int anchors = (int) (channelsFirst ? shape[2] : shape[1]);
        int classes = fields - 4;
        if (classes < 1 || Math.max(fireClass, smokeClass) >= classes) {
            throw new IllegalArgumentException("the YOLOv8 output has " + Math.max(classes, 0) + " classes but fire class "
                    + fireClass + " and smoke class " + smokeClass + " were configured");
        }
        List<FireSmokeBox> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int bestClass = -1;
            double best = minScore;
            for (int c : new int[] {fireClass, smokeClass}) {
                if (c < 0) {
                    continue;
                }
                double s = at(values, channelsFirst, fields, anchors, a, 4 + c);
                if (s >= best) {
                    best = s;
                    bestClass = c;
                }
            }
            if (bestClass < 0) {
                continue;
            }
            double cx = at(values, channelsFirst, fields, anchors, a, 0);
            double cy = at(values, channelsFirst, fields, anchors, a, 1);
            double w = at(values, channelsFirst, fields, anchors, a, 2);
            double h = at(values, channelsFirst, fields, anchors, a, 3);
            double x0 = clamp((cx - w / 2 - box.padXPx()) / box.scale(), box.frameWidthPx());
            double y0 = clamp((cy - h / 2 - box.padYPx()) / box.scale(), box.frameHeightPx());
            double x1 = clamp((cx + w / 2 - box.padXPx()) / box.scale(), box.frameWidthPx());
            double y1 = clamp((cy + h / 2 - box.padYPx()) / box.scale(), box.frameHeightPx());
            if (x1 > x0 && y1 > y0) {
                candidates.add(new FireSmokeBox(bestClass == fireClass ? FireSmokeClass.FIRE : FireSmokeClass.SMOKE,
                        x0, y0, x1 - x0, y1 - y0, best));
            }
        }
        return nonMaximumSuppression(candidates, nmsIou);
    }

    static List<FireSmokeBox> nonMaximumSuppression(List<FireSmokeBox> boxes, double iou) {
        List<FireSmokeBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(FireSmokeBox::score).reversed());
        List<FireSmokeBox> kept = new ArrayList<>();
        for (FireSmokeBox b : sorted) {
            boolean suppressed = false;
            for (FireSmokeBox k : kept) {
                if (k.kind() == b.kind() && k.iou(b) > iou) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(b);
            }
        }
        return kept;
    }

    private static double at(float[] v, boolean channelsFirst, int fields, int anchors, int anchor, int field) {
        return channelsFirst ? v[field * anchors + anchor] : v[anchor * fields + field];
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
