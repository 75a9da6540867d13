package org.skyshare.vision.pipeline;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.geo.GroundScale;
import org.skyshare.vision.thermal.DisplayScaledFrames;
import org.skyshare.vision.thermal.HotComponent;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.vision.thermal.ThermalParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Hot spots in 8-bit display-scaled thermal video (what many drones record, e.g. a thermal camera's
 * MP4): the thermal detector on grey levels with the thresholds FLAME-T chose leave-one-site-out
 * (hot 180, fire 252, context 15, scene 90 display units). Grey levels are not temperatures, so
 * detections carry no temperature and a lower confidence than radiometric ones.
 */
public final class DisplayScaledThermalStage implements Detector {
    /** Thresholds in display units, as chosen on five of the six FLAME-T folds (docs/performance/vision-thermal.md). */
    public static final ThermalParameters PARAMETERS = DisplayScaledFrames.parameters(180, 252, 15, 90);
    /** Display-scaled evidence is weaker than a temperature reading. */
    public static final double CONFIDENCE_FACTOR = 0.6;

    private final ThermalHotspotDetector detector;
    private final GroundScale groundScale;
    private final Predicate<String> isThermalCamera;

    public DisplayScaledThermalStage(Predicate<String> isThermalCamera, GroundScale groundScale) {
        this.isThermalCamera = Objects.requireNonNull(isThermalCamera, "isThermalCamera");
        this.groundScale = Objects.requireNonNull(groundScale, "groundScale");
        this.detector = new ThermalHotspotDetector(PARAMETERS, GroundScale.UNKNOWN);
    }

    @Override
    public String name() {
        return "thermal-display-scaled";
    }

    @Override
    public boolean accepts(Frame frame) {
        return !frame.isThermal() && isThermalCamera.test(frame.cameraId());
    }

    @Override
    public List<Detection> detect(Frame frame) {
        if (!accepts(frame)) {
            return List.of();
        }
        List<HotComponent> found = detector.analyse(DisplayScaledFrames.toDisplayUnits(frame.rgb()));
        List<Detection> out = new ArrayList<>(found.size());
        for (HotComponent c : found) {
            double mpp = groundScale.metresPerPixel(frame, c.peakX() + 0.5, c.peakY() + 0.5);
            out.add(new Detection(c.kind(), c.confidence() * CONFIDENCE_FACTOR, c.box(), Double.NaN, Double.NaN, null,
                    Double.isNaN(mpp) ? Double.NaN : c.pixelCount() * mpp * mpp, Sensor.THERMAL, frame.sequence(),
                    frame.timestamp(), frame.cameraId()));
        }
        return out;
    }
}
