package org.skyshare.sim.vehicle;

/**
 * Read-only view of a simulated vehicle for other parts of the simulator (the camera renderer,
 * the frame streamer). {@link #state()} never blocks and returns the latest physics step.
 */
public interface VehicleStateSource {
    VehicleState state();
}
