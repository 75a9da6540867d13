package org.skyshare.vision.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * What a SCORES model makes of a frame: the frame's scores and, when the model has a second output of shape
     * {@code 1 x classes x rows x cols} (the built-in one does), where in the frame it sees each class.
     *
     * @param cells {@code null} when the model gives frame scores only
     */
    public record Reading(FireSmokeScores scores, HazardCells cells) {
    }

    /** Frame-level scores; for a YOLO model, the best box score per class (0 when it found none). */
    @Override
    public FireSmokeScores classify(BufferedImage image) {
        if (yolo == null) {
            return read(image).scores();
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

    /** Scores, and cells where the model has them, from one run of a SCORES model. */
    public Reading read(BufferedImage image) {
        if (yolo != null) {
            throw new IllegalStateException("a YOLOv8 model gives boxes, not a reading: use detect");
        }
        float[] chw = BoxResize.toChw(image, config.inputWidthPx(), config.inputHeightPx());
        List<OnnxImageModel.Output> outs = onnx.runAll(chw, 3, config.inputHeightPx(), config.inputWidthPx());
        float[] scores = outs.get(0).values();
        if (scores.length < needed()) {
            throw new IllegalStateException("Model " + onnx.file() + " returned " + scores.length
                    + " scores; expected at least " + needed() + " (fire, smoke) for the SCORES layout.");
        }
        FireSmokeScores frame = new FireSmokeScores(score(scores, config.fireClass()), score(scores, config.smokeClass()));
        return new Reading(frame, outs.size() > 1 ? cells(outs.get(1)) : null);
    }

    /** A {@code 1 x classes x rows x cols} output as cells; anything else is ignored (a user model's extra output). */
    private HazardCells cells(OnnxImageModel.Output out) {
        long[] shape = out.shape();
        if (shape.length != 4 || shape[0] != 1 || shape[1] < needed()) {
            return null;
        }
        int rows = (int) shape[2];
        int cols = (int) shape[3];
        int plane = rows * cols;
        float[] none = new float[plane];
        float[] fire = config.fireClass() < 0 ? none
                : Arrays.copyOfRange(out.values(), config.fireClass() * plane, (config.fireClass() + 1) * plane);
        float[] smoke = config.smokeClass() < 0 ? none
                : Arrays.copyOfRange(out.values(), config.smokeClass() * plane, (config.smokeClass() + 1) * plane);
        return new HazardCells(rows, cols, fire, smoke);
    }

    private int needed() {
        return Math.max(config.fireClass(), config.smokeClass()) + 1;
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
