package org.skyshare.station.link;

/** @param remainingPct 0..100, or -1 when the vehicle does not know */
public record BatteryState(double remainingPct, double voltageV) {
}
