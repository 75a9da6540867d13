package org.skyshare.vision.fusion;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins the thermal and visual detections of one capture, all expressed in the visual frame's
 * pixels so the evidence shows the hazard on the colour image. A thermal hot spot overlapping a
 * visual fire or smoke box becomes one FUSED fire whose confidence combines both; each visual
 * detection gets the temperature under its box; a detection only one sensor saw is kept at a lower
 * confidence, never dropped.
 */
public final class SensorFusion {
    /** Confidence factor for a detection the other sensor of the same capture did not confirm. */
    public static final double SINGLE_SENSOR_FACTOR = 0.8;

    private SensorFusion() {
    }

    /**
     * @param thermalToVisual registration from the thermal frame's pixels to the visual frame's
     * @return detections in the visual frame's pixels and camera id
     */
    public static List<Detection> fuse(Frame thermalFrame, List<Detection> thermal, Frame visualFrame,
                                       List<Detection> visual, CaptureRegistration thermalToVisual) {
        CaptureRegistration visualToThermal = thermalToVisual.inverse();
        List<Detection> out = new ArrayList<>();
        boolean[] visualMatched = new boolean[visual.size()];
        for (Detection t : thermal) {
            Optional<PixelBox> inVisual = thermalToVisual.mapBox(t.box());
            if (inVisual.isEmpty()) {
                // outside the colour camera's view (the thermal view is wider on some payloads): thermal only
                out.add(t.withConfidence(t.confidence() * SINGLE_SENSOR_FACTOR));
                continue;
            }
            PixelBox box = inVisual.get();
            int match = -1;
            for (int i = 0; i < visual.size(); i++) {
                Detection v = visual.get(i);
                if ((v.kind() == DetectionKind.FIRE || v.kind() == DetectionKind.SMOKE) && overlaps(box, v.box())) {
                    if (match < 0 || v.confidence() > visual.get(match).confidence()) {
                        match = i;
                    }
                }
            }
            Detection moved = new Detection(t.kind(), t.confidence(), box, t.peakTemperatureC(), t.meanTemperatureC(),
                    t.ground(), t.areaM2(), t.sensor(), visualFrame.sequence(), visualFrame.timestamp(), visualFrame.cameraId());
            if (match < 0) {
                out.add(moved.withConfidence(t.confidence() * SINGLE_SENSOR_FACTOR));
            } else {
                visualMatched[match] = true;
                Detection v = visual.get(match);
                double combined = 1 - (1 - t.confidence()) * (1 - v.confidence());
                // a hot spot under visible flame or smoke is a fire
                out.add(new Detection(DetectionKind.FIRE, combined, box, t.peakTemperatureC(), t.meanTemperatureC(),
                        t.ground(), t.areaM2(), Sensor.FUSED, visualFrame.sequence(), visualFrame.timestamp(),
                        visualFrame.cameraId()));
            }
        }
        for (int i = 0; i < visual.size(); i++) {
            if (visualMatched[i]) {
                continue;
            }
            Detection v = visual.get(i);
            Detection withTemp = temperatureUnder(v, thermalFrame.thermal(), visualToThermal);
            out.add(withTemp.withConfidence(v.confidence() * SINGLE_SENSOR_FACTOR));
        }
        return out;
    }

    /** The visual detection with the peak and mean temperature of the thermal pixels under its box. */
    static Detection temperatureUnder(Detection v, ThermalImage thermal, CaptureRegistration visualToThermal) {
        if (thermal == null) {
            return v;
        }
        Optional<PixelBox> inThermal = visualToThermal.mapBox(v.box());
        if (inThermal.isEmpty()) {
            return v;
        }
        PixelBox b = inThermal.get();
        float peak = Float.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        for (int y = b.y(); y < Math.min(thermal.height(), b.y() + b.height()); y++) {
            for (int x = b.x(); x < Math.min(thermal.width(), b.x() + b.width()); x++) {
                float c = thermal.temperatureC(x, y);
                if (!Float.isNaN(c)) {
                    peak = Math.max(peak, c);
                    sum += c;
                    n++;
                }
            }
        }
        return n == 0 ? v : v.withTemperatures(peak, sum / n);
    }

    private static boolean overlaps(PixelBox a, PixelBox b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }
}
