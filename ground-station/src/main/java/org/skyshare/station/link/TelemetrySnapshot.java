package org.skyshare.station.link;

/**
 * The latest of everything a vehicle reports, as one immutable value. Fields are null until the
 * first message of their kind arrives.
 *
 * @param receivedAtMs wall-clock time of the newest message that changed this snapshot
 */
public record TelemetrySnapshot(
        int systemId,
        Position position,
        Attitude attitude,
        VelocityNed velocity,
        BatteryState battery,
        GpsInfo gps,
        FlightMode flightMode,
        boolean armed,
        LandedState landedState,
        Home home,
        MissionProgress mission,
        StatusText lastStatusText,
        int systemStatus,
        long receivedAtMs) {

    public boolean inAir() {
        return landedState == LandedState.IN_AIR || landedState == LandedState.TAKING_OFF || landedState == LandedState.LANDING;
    }
}
