package org.skyshare.station.console.map;

/**
 * An incident on the map. {@code kind} is the hazard (fire, smoke, flood, logging, discharge,
 * person, other) and {@code state} its lifecycle step (pending, confirmed, dismissed,
 * acknowledged, resolved); unknown words draw with a neutral icon.
 */
public record IncidentMarker(String id, String kind, String state, double x, double y) {
}
