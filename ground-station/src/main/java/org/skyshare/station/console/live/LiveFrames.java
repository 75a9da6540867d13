package org.skyshare.station.console.live;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.Frame;

import java.util.List;

/** The latest RGB and thermal frames of one drone with the detections made on them (either may be null). */
public record LiveFrames(Frame rgb, Frame thermal, List<Detection> detections) {
    public LiveFrames {
        detections = List.copyOf(detections);
    }
}
