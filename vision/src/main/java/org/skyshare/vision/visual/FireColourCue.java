package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;

/**
 * Flame-coloured pixels by the YCbCr rules of Celik and Demirel (2009) together with an RGB ordering test
 * (R &gt; G &gt; B, R bright): fast enough to run on every frame, and able to place a flame inside a frame that the
 * learned classifier scored as a whole. Sunsets, red lights and autumn leaves pass these rules too, which is why
 * they are a cue, not a verdict.
 */
public final class FireColourCue {
    /** Flame-coloured share of the frame and the bounding box of the flame-coloured pixels (null when none). */
    public record Result(double fireFraction, FireSmokeBox box) {
    }

    private static final int MIN_RED = 150;
    private static final double MIN_CHROMA_GAP = 40;
    private final int sampleWidthPx;

    /** Works on a copy at most {@code sampleWidthPx} wide (every n-th pixel): the cue needs colour, not detail. */
    public FireColourCue(int sampleWidthPx) {
        if (sampleWidthPx < 8) {
            throw new IllegalArgumentException("sample width must be at least 8 px, got " + sampleWidthPx);
        }
        this.sampleWidthPx = sampleWidthPx;
    }

    public FireColourCue() {
        this(320);
    }

    public Result analyse(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, (int) Math.ceil((double) w / sampleWidthPx));
        int sw = (w + step - 1) / step;
        int sh = (h + step - 1) / step;
        int n = sw * sh;
        float[] ys = new float[n];
        float[] cbs = new float[n];
        float[] crs = new float[n];
        int[] rgb = new int[n];
        double sumY = 0, sumCb = 0, sumCr = 0;
        int i = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int p = image.getRGB(x, y);
                int r = (p >>> 16) & 0xff, g = (p >>> 8) & 0xff, b = p & 0xff;
                float yy = 0.299f * r + 0.587f * g + 0.114f * b;
                float cb = 128 - 0.168736f * r - 0.331264f * g + 0.5f * b;
                float cr = 128 + 0.5f * r - 0.418688f * g - 0.081312f * b;
                ys[i] = yy;
                cbs[i] = cb;
                crs[i] = cr;
                rgb[i] = p;
                sumY += yy;
                sumCb += cb;
                sumCr += cr;
                i++;
            }
        }
        double meanY = sumY / n, meanCb = sumCb / n, meanCr = sumCr / n;
        int count = 0;
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int k = 0; k < n; k++) {
            int p = rgb[k];
            int r = (p >>> 16) & 0xff, g = (p >>> 8) & 0xff, b = p & 0xff;
            boolean flame = r >= MIN_RED && r > g && g > b
                    && ys[k] > cbs[k] && crs[k] > cbs[k]
                    && ys[k] > meanY && cbs[k] < meanCb && crs[k] > meanCr
                    && Math.abs(cbs[k] - crs[k]) >= MIN_CHROMA_GAP;
            if (flame) {
                count++;
                int sx = k % sw, sy = k / sw;
                minX = Math.min(minX, sx);
                maxX = Math.max(maxX, sx);
                minY = Math.min(minY, sy);
                maxY = Math.max(maxY, sy);
            }
        }
        double fraction = (double) count / n;
        FireSmokeBox box = count == 0 ? null : new FireSmokeBox(FireSmokeClass.FIRE, minX * step, minY * step,
                Math.min(w, (maxX + 1) * step) - minX * step, Math.min(h, (maxY + 1) * step) - minY * step,
                Math.min(1, fraction * 20));
        return new Result(fraction, box);
    }
}
