package org.skyshare.vision.visual;

import java.awt.image.BufferedImage;

/**
 * Area-average resize with integer box bounds, rounded to bytes: the exact preparation the training script
 * (training/skydata.py, box_resize) applied, so the shipped models see at run time what they saw in training.
 */
public final class BoxResize {
    private BoxResize() {
    }

    /** Whole frame to {@code outW x outH}, RGB planes (NCHW order, batch 1) scaled to [0, 1]. */
    public static float[] toChw(BufferedImage image, int outW, int outH) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = rgbPixels(image);
        int[] x0 = bounds(w, outW);
        int[] y0 = bounds(h, outH);
        // horizontal pass: per source row, the sum over each output column's box (exact integers)
        int[] rowSums = new int[h * outW * 3];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int j = 0; j < outW; j++) {
                int r = 0, g = 0, b = 0;
                int end = Math.max(x0[j + 1], x0[j] + 1);
                for (int x = x0[j]; x < end; x++) {
                    int p = argb[base + x];
                    r += (p >>> 16) & 0xff;
                    g += (p >>> 8) & 0xff;
                    b += p & 0xff;
                }
                int o = (y * outW + j) * 3;
                rowSums[o] = r;
                rowSums[o + 1] = g;
                rowSums[o + 2] = b;
            }
        }
        float[] chw = new float[3 * outW * outH];
        int plane = outW * outH;
        for (int i = 0; i < outH; i++) {
            int yEnd = Math.max(y0[i + 1], y0[i] + 1);
            for (int j = 0; j < outW; j++) {
                int xEnd = Math.max(x0[j + 1], x0[j] + 1);
                double area = (double) (yEnd - y0[i]) * (xEnd - x0[j]);
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int y = y0[i]; y < yEnd; y++) {
                        sum += rowSums[(y * outW + j) * 3 + c];
                    }
                    chw[c * plane + i * outW + j] = (float) (Math.floor(sum / area + 0.5) / 255.0);
                }
            }
        }
        return chw;
    }

    /**
     * The pixels as 0xRRGGBB. Decoded video frames are 3-byte BGR images, and reading those through
     * {@link BufferedImage#getRGB} goes through the colour model pixel by pixel, which took longer than
     * the models themselves; the raster hands the bytes over in bulk.
     */
    static int[] rgbPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> {
                // the raster's data elements come in band order: R, G, B for each pixel
                byte[] rgb = (byte[]) image.getRaster().getDataElements(0, 0, w, h, null);
                int[] out = new int[w * h];
                for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                    out[i] = (rgb[j] & 0xff) << 16 | (rgb[j + 1] & 0xff) << 8 | (rgb[j + 2] & 0xff);
                }
                return out;
            }
            case BufferedImage.TYPE_INT_RGB -> {
                return (int[]) image.getRaster().getDataElements(0, 0, w, h, null);
            }
            default -> {
                int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
                for (int i = 0; i < argb.length; i++) {
                    argb[i] &= 0xffffff;
                }
                return argb;
            }
        }
    }

    private static int[] bounds(int size, int out) {
        int[] b = new int[out + 1];
        for (int i = 0; i <= out; i++) {
            b[i] = (int) ((long) i * size / out);
        }
        return b;
    }
}
