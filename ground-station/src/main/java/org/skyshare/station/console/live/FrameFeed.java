package org.skyshare.station.console.live;

import java.util.Optional;

/**
 * Where the live view gets frames. Polled on the FX thread a few times a second: return the
 * latest frames already in memory, never wait for the next one.
 */
public interface FrameFeed {
    Optional<LiveFrames> latest(String droneId);

    static FrameFeed none() {
        return droneId -> Optional.empty();
    }
}
