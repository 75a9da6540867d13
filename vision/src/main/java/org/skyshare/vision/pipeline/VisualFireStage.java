package org.skyshare.vision.pipeline;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.visual.FireSmokeBox;
import org.skyshare.vision.visual.FireSmokeClass;
import org.skyshare.vision.visual.VisualFireDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The visual fire/smoke detector (learned model with colour-cue fallback) as a pipeline stage. */
public final class VisualFireStage implements Detector {
    private final VisualFireDetector detector;
    private final Predicate<String> colourCamera;

    /** @param colourCamera which camera ids deliver colour images (not display-scaled thermal video) */
    public VisualFireStage(VisualFireDetector detector, Predicate<String> colourCamera) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.colourCamera = Objects.requireNonNull(colourCamera, "colourCamera");
    }

    public VisualFireStage(VisualFireDetector detector) {
        this(detector, id -> true);
    }

    @Override
    public String name() {
        return "visual-fire-smoke";
    }

    @Override
    public boolean accepts(Frame frame) {
        return !frame.isThermal() && colourCamera.test(frame.cameraId());
    }

    @Override
    public List<Detection> detect(Frame frame) {
        if (!accepts(frame)) {
            return List.of();
        }
        List<FireSmokeBox> boxes = detector.detect(frame.rgb());
        List<Detection> out = new ArrayList<>(boxes.size());
        int w = frame.widthPx(), h = frame.heightPx();
        for (FireSmokeBox b : boxes) {
            int x0 = clamp((int) Math.floor(b.xPx()), 0, w - 1);
            int y0 = clamp((int) Math.floor(b.yPx()), 0, h - 1);
            int x1 = clamp((int) Math.ceil(b.xPx() + b.widthPx()), x0 + 1, w);
            int y1 = clamp((int) Math.ceil(b.yPx() + b.heightPx()), y0 + 1, h);
            DetectionKind kind = b.kind() == FireSmokeClass.SMOKE ? DetectionKind.SMOKE : DetectionKind.FIRE;
            out.add(new Detection(kind, Math.max(0, Math.min(1, b.score())), new PixelBox(x0, y0, x1 - x0, y1 - y0),
                    Double.NaN, Double.NaN, null, Double.NaN, Sensor.VISUAL, frame.sequence(), frame.timestamp(),
                    frame.cameraId()));
        }
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
