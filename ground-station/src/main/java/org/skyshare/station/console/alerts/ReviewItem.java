package org.skyshare.station.console.alerts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An incident as a reviewer sees it.
 *
 * @param kind         hazard word (fire, smoke, hotspot, flood, logging, discharge, person)
 * @param state        pending, confirmed, dismissed, acknowledged, resolved
 * @param peakTemperatureC hottest reading, NaN when no thermal reading
 * @param evidence     evidence image on disk (loaded off the FX thread), or null
 * @param agencies     who it goes to once confirmed (the routing decision)
 */
public record ReviewItem(String id, String kind, String state, double latDeg, double lonDeg, double confidence,
                         double peakTemperatureC, Instant detectedAt, String droneId, Path evidence,
                         List<String> agencies, String gridCell) {
    public ReviewItem {
        agencies = List.copyOf(agencies);
    }

    public boolean pending() {
        return "pending".equalsIgnoreCase(state);
    }
}
