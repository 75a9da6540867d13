package org.skyshare.station.console.fleet;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the console needs from the fleet. The console polls {@link #docks()} and {@link #drones()}
 * several times a second on the FX thread, so both must return an in-memory snapshot without I/O;
 * {@link #command} starts the work elsewhere and completes when the vehicle answered.
 */
public interface FleetView {
    List<DockStatus> docks();

    List<DroneStatus> drones();

    CompletionStage<String> command(String droneId, FleetAction action);

    /** The patrol schedule (in memory, like the snapshots); empty when none is loaded. */
    default List<PatrolEntry> patrols() {
        return List.of();
    }

    /** No fleet connected: the console still plans and reviews. */
    static FleetView none() {
        return new FleetView() {
            @Override
            public List<DockStatus> docks() {
                return List.of();
            }

            @Override
            public List<DroneStatus> drones() {
                return List.of();
            }

            @Override
            public CompletionStage<String> command(String droneId, FleetAction action) {
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("no fleet is connected to this console"));
            }
        };
    }
}
