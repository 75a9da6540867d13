package org.skyshare.station.console.fleet;

/**
 * One drone as the fleet panel and the map show it.
 *
 * @param state              the vehicle state word (docked, charging, taking_off, on_mission, paused, returning, landing, fault, link_lost)
 * @param linkQualityPct     share of expected telemetry received lately, 0..100
 * @param missionProgressPct 0..100, or NaN when no mission is running
 */
public record DroneStatus(String id, String dockId, String state, double latDeg, double lonDeg, double altitudeM,
                          double headingDeg, double batteryPct, double linkQualityPct, double missionProgressPct,
                          String missionId) {
}
