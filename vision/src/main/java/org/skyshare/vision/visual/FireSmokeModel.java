package org.skyshare.vision.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The learned visual fire/smoke model: the built-in classifier (trained by training/train_fire_smoke.py on
 * roboflow-fire8 and cair-fire) or a user's ONNX file, either of the built-in kind or a YOLOv8 detector.
 */
public final class FireSmokeModel implements FireSmokeClassifier, AutoCloseable {
    public static final String BUILT_IN_RESOURCE = "/org/skyshare/vision/models/fire-smoke.onnx";
    private static final float LETTERBOX_GREY = 114f / 255f;

    private final FireSmokeModelConfig config;
    private final OnnxImageModel onnx;
    private final YoloV8Decoder yolo;

    private FireSmokeModel(FireSmokeModelConfig config, OnnxImageModel onnx) {
        this.config = config;
        this.onnx = onnx;
        this.yolo = config.layout() == OutputLayout.YOLOV8
                ? new YoloV8Decoder(config.fireClass(), config.smokeClass(), config.minBoxScore(), config.nmsIou())
                : null;
    }

    /** The model shipped in the vision jar. */
    public static FireSmokeModel builtIn() {
        return load(FireSmokeModelConfig.builtIn());
    }

    /** A user's ONNX file with the built-in model's input and output. */
    public static FireSmokeModel load(Path onnxFile) {
        return load(FireSmokeModelConfig.scores(onnxFile));
    }

    /** @throws ModelLoadException naming the file when it is missing or not an ONNX model */
    public static FireSmokeModel load(FireSmokeModelConfig config) {
        OnnxImageModel onnx = config.modelFile() == null
                ? OnnxImageModel.loadResource(BUILT_IN_RESOURCE, "fire/smoke model")
                : OnnxImageModel.load(config.modelFile(), "fire/smoke model");
        return new FireSmokeModel(config, onnx);
    }

    public FireSmokeModelConfig config() {
        return config;
    }

    /** Frame-level scores; for a YOLO model, the best box score per class (0 when it found none). */
    @Override
    public FireSmokeScores classify(BufferedImage image) {
        if (yolo == null) {
            float[] chw = BoxResize.toChw(image, config.inputWidthPx(), config.inputHeightPx());
            OnnxImageModel.Output out = onnx.run(chw, 3, config.inputHeightPx(), config.inputWidthPx());
            int needed = Math.max(config.fireClass(), config.smokeClass()) + 1;
            if (out.values().length < needed) {
                throw new IllegalStateException("Model " + onnx.file() + " returned " + out.values().length
                        + " scores; expected at least " + needed + " (fire, smoke) for the SCORES layout.");
            }
            return new FireSmokeScores(score(out.values(), config.fireClass()), score(out.values(), config.smokeClass()));
        }
        double fire = 0;
        double smoke = 0;
        for (FireSmokeBox b : detect(image)) {
            if (b.kind() == FireSmokeClass.FIRE) {
                fire = Math.max(fire, b.score());
            } else {
                smoke = Math.max(smoke, b.score());
            }
        }
        return new FireSmokeScores(fire, smoke);
    }

    /** Boxes from a YOLOv8 model; a SCORES model has no boxes (use {@link VisualFireDetector} to locate). */
    public List<FireSmokeBox> detect(BufferedImage image) {
        if (yolo == null) {
            return List.of();
        }
        int inW = config.inputWidthPx();
        int inH = config.inputHeightPx();
        double scale = Math.min((double) inW / image.getWidth(), (double) inH / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        int padX = (inW - w) / 2;
        int padY = (inH - h) / 2;
        BufferedImage boxed = new BufferedImage(inW, inH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = boxed.createGraphics();
        g.setColor(new Color(LETTERBOX_GREY, LETTERBOX_GREY, LETTERBOX_GREY));
        g.fillRect(0, 0, inW, inH);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, padX, padY, w, h, null);
        g.dispose();
        float[] chw = BoxResize.toChw(boxed, inW, inH);
        OnnxImageModel.Output out = onnx.run(chw, 3, inH, inW);
        return yolo.decode(out.values(), out.shape(),
                new YoloV8Decoder.Letterbox(scale, padX, padY, image.getWidth(), image.getHeight()));
    }

    private static double score(float[] v, int index) {
        return index < 0 ? 0 : Math.max(0, Math.min(1, v[index]));
    }

    @Override
    public void close() {
        onnx.close();
    }
}
