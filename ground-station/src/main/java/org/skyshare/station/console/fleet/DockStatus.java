package org.skyshare.station.console.fleet;

/** One dock: where, its state word (ready, charging, closed, weather_hold, fault) and why it is not ready. */
public record DockStatus(String id, String state, double latDeg, double lonDeg, String reason) {
}
