package org.skyshare.sim.vehicle;

/** What a simulated vehicle is doing; each phase maps to a PX4 flight mode in its heartbeat. */
public enum FlightPhase {
    /** On the ground in its dock, disarmed. */
    DOCKED(false),
    /** Armed on the ground, waiting for takeoff or a mission start. */
    ARMED_ON_GROUND(false),
    /** On the ground away from its dock (landed by a failsafe or a land command), disarmed. */
    LANDED(false),
    TAKEOFF(true),
    MISSION(true),
    /** Position hold (pause, end of mission without a return, geofence breach). */
    HOLD(true),
    RETURN(true),
    LAND(true);

    private final boolean airborne;

    FlightPhase(boolean airborne) {
        this.airborne = airborne;
    }

    public boolean airborne() {
        return airborne;
    }
}
