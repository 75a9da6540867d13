package org.skyshare.station.console.live;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.Frame;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the newest RGB frame, thermal frame and detections of each drone, pushed in by the
 * station's frame receivers and vision pipeline on their own threads; the live view reads them.
 */
public final class LatestFrames implements FrameFeed {
    private final Map<String, LiveFrames> latest = new ConcurrentHashMap<>();

    /** A new frame from a drone's camera; replaces the previous frame of the same kind. */
    public void accept(String droneId, Frame frame) {
        latest.compute(droneId, (k, old) -> {
            LiveFrames o = old == null ? new LiveFrames(null, null, List.of()) : old;
            return frame.isThermal() ? new LiveFrames(o.rgb(), frame, o.detections())
                    : new LiveFrames(frame, o.thermal(), o.detections());
        });
    }

    /** The detections made on a drone's latest frames (boxes are drawn on the frame whose camera they name). */
    public void detections(String droneId, List<Detection> detections) {
        latest.compute(droneId, (k, old) -> {
            LiveFrames o = old == null ? new LiveFrames(null, null, List.of()) : old;
            return new LiveFrames(o.rgb(), o.thermal(), detections);
        });
    }

    @Override
    public Optional<LiveFrames> latest(String droneId) {
        return Optional.ofNullable(latest.get(droneId));
    }
}
