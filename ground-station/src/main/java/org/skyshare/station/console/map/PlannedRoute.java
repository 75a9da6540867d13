package org.skyshare.station.console.map;

/** A sortie's path on the map, in world units, and the colour index of its dock. */
public record PlannedRoute(String id, String dockId, double[] xy, int colourIndex, Bounds bounds) {
    public static PlannedRoute of(String id, String dockId, double[] xy, int colourIndex) {
        return new PlannedRoute(id, dockId, xy, colourIndex, Bounds.of(xy));
    }
}
