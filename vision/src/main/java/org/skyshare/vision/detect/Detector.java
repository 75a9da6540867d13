package org.skyshare.vision.detect;

import org.skyshare.vision.frame.Frame;

import java.util.List;

/**
 * One detection stage of the pipeline (thermal hotspots, visual fire/smoke, water). A detector
 * answers only for frames it {@link #accepts(Frame) accepts}; it must not keep the frame.
 */
public interface Detector {

    /** Short name for logs and reports, e.g. {@code thermal-hotspot}. */
    String name();

    /** Whether this detector reads this kind of frame (thermal vs visual). */
    boolean accepts(Frame frame);

    /** Detections in pixel coordinates; the pipeline georeferences them. */
    List<Detection> detect(Frame frame);

    /**
     * Runs once on a blank frame before the first real one, so that loading a model's session is
     * not paid by the first frame that matters; by default, a detection on it when accepted.
     */
    default void warmUp(Frame blank) {
        if (accepts(blank)) {
            detect(blank);
        }
    }
}
