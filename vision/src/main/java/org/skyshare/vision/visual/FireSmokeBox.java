package org.skyshare.vision.visual;

/** A fire or smoke region in image pixels (top-left origin) with the detector's score in [0, 1]. */
public record FireSmokeBox(FireSmokeClass kind, double xPx, double yPx, double widthPx, double heightPx, double score) {
    public double areaPx() {
        return widthPx * heightPx;
    }

    /** Intersection over union with another box, kind ignored. */
    public double iou(FireSmokeBox o) {
        double ix = Math.max(0, Math.min(xPx + widthPx, o.xPx + o.widthPx) - Math.max(xPx, o.xPx));
        double iy = Math.max(0, Math.min(yPx + heightPx, o.yPx + o.heightPx) - Math.max(yPx, o.yPx));
        double inter = ix * iy;
        double union = areaPx() + o.areaPx() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
