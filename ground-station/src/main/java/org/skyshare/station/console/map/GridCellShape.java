package org.skyshare.station.console.map;

/** A planning grid cell's outline in world units with the agency that owns it. */
public record GridCellShape(String id, String owner, double[] ring, Bounds bounds) {
    public static GridCellShape of(String id, String owner, double[] ring) {
        return new GridCellShape(id, owner, ring, Bounds.of(ring));
    }
}
