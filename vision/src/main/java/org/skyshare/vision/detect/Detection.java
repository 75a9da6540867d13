package org.skyshare.vision.detect;

import org.skyshare.vision.geo.GroundPoint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding in one frame (or one fused pair of frames).
 *
 * @param confidence        0..1
 * @param box               where in the frame, in that frame's pixels
 * @param peakTemperatureC  hottest pixel, NaN when no radiometric reading
 * @param meanTemperatureC  mean over the detection's pixels, NaN when no radiometric reading
 * @param ground            the box centre on the ground, or null when the frame had no pose
 * @param areaM2            ground area of the detection's pixels, NaN when not georeferenced
 * @param frameSequence     sequence of the frame it came from
 * @param cameraId          profile id of the camera whose pixels {@code box} refers to
 */
public record Detection(
        DetectionKind kind,
        double confidence,
        PixelBox box,
        double peakTemperatureC,
        double meanTemperatureC,
        GroundPoint ground,
        double areaM2,
        Sensor sensor,
        long frameSequence,
        Instant timestamp,
        String cameraId) {

    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(cameraId, "cameraId");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }

    public boolean hasTemperature() {
        return !Double.isNaN(peakTemperatureC);
    }

    public Optional<GroundPoint> groundIfKnown() {
        return Optional.ofNullable(ground);
    }

    public Detection withGround(GroundPoint newGround, double newAreaM2) {
        return new Detection(kind, confidence, box, peakTemperatureC, meanTemperatureC, newGround, newAreaM2,
                sensor, frameSequence, timestamp, cameraId);
    }

    public Detection withConfidence(double newConfidence) {
        return new Detection(kind, Math.max(0, Math.min(1, newConfidence)), box, peakTemperatureC, meanTemperatureC,
                ground, areaM2, sensor, frameSequence, timestamp, cameraId);
    }

    public Detection withSensor(Sensor newSensor) {
        return new Detection(kind, confidence, box, peakTemperatureC, meanTemperatureC, ground, areaM2,
                newSensor, frameSequence, timestamp, cameraId);
    }

    public Detection withTemperatures(double newPeakC, double newMeanC) {
        return new Detection(kind, confidence, box, newPeakC, newMeanC, ground, areaM2,
                sensor, frameSequence, timestamp, cameraId);
    }
}
