package org.skyshare.sim.vehicle;

/**
 * A snapshot of one simulated vehicle, safe to read from any thread (an immutable record the
 * vehicle replaces on every physics step). The camera renderer samples it to place its view; the
 * time is simulation time so frames rendered at a time factor above 1 still line up with telemetry.
 *
 * @param systemId        MAVLink system id of the vehicle
 * @param simTimeS        simulation time since the vehicle started, seconds
 * @param latDeg          WGS84 latitude
 * @param lonDeg          WGS84 longitude
 * @param altitudeAmslM   altitude above mean sea level
 * @param relativeAltM    height above home (the dock)
 * @param headingDeg      heading, degrees clockwise from true north, 0..360
 * @param rollDeg         body roll, positive right side down
 * @param pitchDeg        body pitch, positive nose up
 * @param groundSpeedMps  horizontal speed over ground
 * @param climbRateMps    vertical speed, positive up
 * @param gimbalPitchDeg  gimbal pitch, -90 looks straight down
 * @param gimbalRollDeg   gimbal roll
 * @param gimbalYawDeg    gimbal yaw relative to the vehicle heading
 * @param phase           what the vehicle is doing
 * @param armed           motors armed
 * @param batteryPct      remaining battery, 0..100
 * @param missionSeq      the mission item it is flying to (or last reached), -1 without a mission
 * @param gpsFix          false while GPS loss is injected
 */
public record VehicleState(
        int systemId,
        double simTimeS,
        double latDeg,
        double lonDeg,
        double altitudeAmslM,
        double relativeAltM,
        double headingDeg,
        double rollDeg,
        double pitchDeg,
        double groundSpeedMps,
        double climbRateMps,
        double gimbalPitchDeg,
        double gimbalRollDeg,
        double gimbalYawDeg,
        FlightPhase phase,
        boolean armed,
        double batteryPct,
        int missionSeq,
        boolean gpsFix) {

    /** True while the aircraft is off the ground. */
    public boolean airborne() {
        return phase.airborne();
    }
}
