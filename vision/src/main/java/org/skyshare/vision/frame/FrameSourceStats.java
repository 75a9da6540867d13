package org.skyshare.vision.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counters of a frame source. Keeps the first few skip reasons so a user sees why frames were
 * dropped without a flood of messages. Thread-safe.
 */
public final class FrameSourceStats {
    private static final int KEPT_REASONS = 20;

    private long delivered;
    private long skipped;
    private final List<String> reasons = new ArrayList<>();

    public synchronized void delivered() {
        delivered++;
    }

    /** Counts a skipped frame; {@code reason} names the frame (file, index or time) and what was wrong. */
    public synchronized void skipped(String reason) {
        skipped++;
        if (reasons.size() < KEPT_REASONS) {
            reasons.add(reason);
        }
    }

    public synchronized long deliveredFrames() {
        return delivered;
    }

    public synchronized long skippedFrames() {
        return skipped;
    }

    /** The first skip reasons (at most 20). */
    public synchronized List<String> skipReasons() {
        return Collections.unmodifiableList(new ArrayList<>(reasons));
    }

    @Override
    public synchronized String toString() {
        return delivered + " frames read, " + skipped + " skipped";
    }
}
