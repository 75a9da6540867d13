package org.skyshare.vision.flood;

import org.skyshare.vision.visual.BoxResize;
import org.skyshare.vision.visual.OnnxImageModel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Water segmentation by a small ONNX U-Net: the frame is box-resized to the model's input, the per-pixel water
 * probability is interpolated bilinearly back to the frame's size and thresholded.
 */
public final class OnnxWaterSegmenter implements WaterSegmenter, AutoCloseable {
    public static final String BUILT_IN_RESOURCE = "/org/skyshare/vision/models/water-seg.onnx";
    public static final int BUILT_IN_INPUT_PX = 128;
    private final OnnxImageModel onnx;
    private final int inputPx;
    private final double threshold;

    private OnnxWaterSegmenter(OnnxImageModel onnx, int inputPx, double threshold) {
        this.onnx = onnx;
        this.inputPx = inputPx;
        this.threshold = threshold;
    }

    public static OnnxWaterSegmenter builtIn() {
        return new OnnxWaterSegmenter(OnnxImageModel.loadResource(BUILT_IN_RESOURCE, "water segmentation model"),
                BUILT_IN_INPUT_PX, 0.5);
    }

    /**
     * A user's model: RGB in [0, 1] NCHW of {@code inputPx x inputPx}, output one water probability per input
     * pixel ({@code 1 x 1 x inputPx x inputPx}).
     */
    public static OnnxWaterSegmenter load(Path onnxFile, int inputPx, double threshold) {
        return new OnnxWaterSegmenter(OnnxImageModel.load(onnxFile, "water segmentation model"), inputPx, threshold);
    }

    /** Water probability at the model's resolution, row-major {@code inputPx x inputPx}. */
    public float[] probabilities(BufferedImage image) {
        OnnxImageModel.Output out = onnx.run(BoxResize.toChw(image, inputPx, inputPx), 3, inputPx, inputPx);
        if (out.values().length != inputPx * inputPx) {
            throw new IllegalStateException("Water model " + onnx.file() + " returned " + out.values().length
                    + " values; expected " + inputPx + "x" + inputPx + " probabilities.");
        }
        return out.values();
    }

    @Override
    public WaterMask segment(BufferedImage image) {
        float[] p = probabilities(image);
        int w = image.getWidth();
        int h = image.getHeight();
        BitSet bits = new BitSet(w * h);
        // pixel centres mapped into the model grid (align_corners = false convention); the columns'
        // neighbours and weights are the same on every row
        int[] xs0 = new int[w];
        int[] xs1 = new int[w];
        double[] fxs = new double[w];
        for (int x = 0; x < w; x++) {
            double gx = Math.max(0, Math.min(inputPx - 1, (x + 0.5) * inputPx / w - 0.5));
            xs0[x] = (int) gx;
            xs1[x] = Math.min(inputPx - 1, xs0[x] + 1);
            fxs[x] = gx - xs0[x];
        }
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(inputPx - 1, (y + 0.5) * inputPx / h - 0.5));
            int y0 = (int) gy;
            int y1 = Math.min(inputPx - 1, y0 + 1);
            double fy = gy - y0;
            int r0 = y0 * inputPx;
            int r1 = y1 * inputPx;
            for (int x = 0; x < w; x++) {
                double fx = fxs[x];
                double top = p[r0 + xs0[x]] * (1 - fx) + p[r0 + xs1[x]] * fx;
                double bottom = p[r1 + xs0[x]] * (1 - fx) + p[r1 + xs1[x]] * fx;
                if (top * (1 - fy) + bottom * fy >= threshold) {
                    bits.set(y * w + x);
                }
            }
        }
        return new WaterMask(w, h, bits);
    }

    @Override
    public void close() {
        onnx.close();
    }
}
