package org.skyshare.vision.detect;

/** An axis-aligned box in image pixels: {@code x, y} is the top-left pixel, size in pixels (inclusive extent). */
public record PixelBox(int x, int y, int width, int height) {
    public PixelBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a pixel box needs a positive size, got " + width + "x" + height);
        }
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }

    public int areaPx() {
        return width * height;
    }

    /** Intersection over union with another box of the same image. */
    public double iou(PixelBox o) {
        int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = (double) ix * iy;
        return inter / (areaPx() + o.areaPx() - inter);
    }
}
