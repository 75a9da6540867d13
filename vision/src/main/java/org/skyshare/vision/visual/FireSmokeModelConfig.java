package org.skyshare.vision.visual;

import java.nio.file.Path;

/**
 * Where a fire/smoke model lives and how to read it.
 *
 * @param modelFile     an ONNX file, or {@code null} for the built-in model
 * @param layout        the output layout
 * @param inputWidthPx  the model's input width (built-in 192, YOLOv8 exports usually 640)
 * @param inputHeightPx the model's input height
 * @param fireClass     index of the fire class among the scores / YOLO classes (-1 if the model has none)
 * @param smokeClass    index of the smoke class (-1 if the model has none)
 * @param minBoxScore   YOLO: boxes scoring below this are dropped
 * @param nmsIou        YOLO: overlap above which the weaker of two boxes of one class is suppressed
 */
public record FireSmokeModelConfig(Path modelFile, OutputLayout layout, int inputWidthPx, int inputHeightPx,
                                   int fireClass, int smokeClass, double minBoxScore, double nmsIou) {
    public static final int BUILT_IN_INPUT_PX = 192;

    public FireSmokeModelConfig {
        if (layout == null) {
            throw new IllegalArgumentException("the model's output layout is required (SCORES or YOLOV8)");
        }
        if (inputWidthPx < 8 || inputHeightPx < 8) {
            throw new IllegalArgumentException("model input size must be at least 8x8 px, got "
                    + inputWidthPx + "x" + inputHeightPx);
        }
        if (fireClass < 0 && smokeClass < 0) {
            throw new IllegalArgumentException("the model needs a fire class or a smoke class index");
        }
    }

    public static FireSmokeModelConfig builtIn() {
        return new FireSmokeModelConfig(null, OutputLayout.SCORES, BUILT_IN_INPUT_PX, BUILT_IN_INPUT_PX, 0, 1, 0, 0);
    }

    /** A model of the built-in kind (same input and output) trained elsewhere, e.g. by training/ on more data. */
    public static FireSmokeModelConfig scores(Path file) {
        return new FireSmokeModelConfig(file, OutputLayout.SCORES, BUILT_IN_INPUT_PX, BUILT_IN_INPUT_PX, 0, 1, 0, 0);
    }

    /** An Ultralytics YOLOv8 ONNX export (e.g. classes 0 fire, 1 smoke) at its square input size. */
    public static FireSmokeModelConfig yoloV8(Path file, int inputPx, int fireClass, int smokeClass) {
        return new FireSmokeModelConfig(file, OutputLayout.YOLOV8, inputPx, inputPx, fireClass, smokeClass, 0.25, 0.45);
    }
}
