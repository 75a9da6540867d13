package org.skyshare.station.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the station's time per analysed frame goes, by kind of frame: from capture until the frame
 * loop took it (camera, encoding, transport, decoding and the wait behind earlier frames) and the
 * analysis itself. Kept for the most recent frames only, so a station that runs for weeks holds a
 * bounded amount; the health line and the station benchmark read it.
 */
public final class FrameTimings {
    /** Frames kept per kind; at the demo's rates, several minutes of frames. */
    static final int KEPT_FRAMES = 20_000;

    /** One analysed frame: microseconds from capture to the frame loop, and of analysis. */
    public record FrameTiming(long arrivalMicros, long analysisMicros) {
    }

    private final List<FrameTiming> thermal = new ArrayList<>();
    private final List<FrameTiming> video = new ArrayList<>();

    synchronized void add(boolean thermalFrame, long arrivalMicros, long analysisMicros) {
        List<FrameTiming> list = thermalFrame ? thermal : video;
        if (list.size() == KEPT_FRAMES) {
            // the oldest half goes at once, so adding stays cheap on average
            list.subList(0, KEPT_FRAMES / 2).clear();
        }
        list.add(new FrameTiming(arrivalMicros, analysisMicros));
    }

    /** The kept timings of thermal (radiometric) frames, oldest first. */
    public synchronized List<FrameTiming> thermal() {
        return List.copyOf(thermal);
    }

    /** The kept timings of RGB video frames, oldest first. */
    public synchronized List<FrameTiming> video() {
        return List.copyOf(video);
    }
}
