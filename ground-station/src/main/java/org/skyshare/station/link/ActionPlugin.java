package org.skyshare.station.link;

import java.util.concurrent.CompletableFuture;

/** Commands (MAVSDK's Action plugin). Each completes when the vehicle acknowledges it as accepted. */
public interface ActionPlugin {
    CompletableFuture<Void> arm();

    CompletableFuture<Void> disarm();

    CompletableFuture<Void> takeoff(double altitudeM);

    CompletableFuture<Void> startMission();

    /** Pause and hold position. */
    CompletableFuture<Void> hold();

    /** Continue the mission after {@link #hold()}. */
    CompletableFuture<Void> resume();

    /** Return to launch, which for a docked drone is its dock. */
    CompletableFuture<Void> returnToLaunch();

    CompletableFuture<Void> land();
}
