package org.skyshare.sim.stream;

import java.time.Instant;

/** Wall-clock time in microseconds since the Unix epoch, the unit of capture and receive times. */
public final class StreamClock {
    private StreamClock() {
    }

    public static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
