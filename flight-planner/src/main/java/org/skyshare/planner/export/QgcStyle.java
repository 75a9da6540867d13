package org.skyshare.planner.export;

/** How area work appears in a QGroundControl plan file. */
public enum QgcStyle {
    /**
     * Survey lines of an area as a {@code survey} ComplexItem and river passes as a
     * {@code CorridorScan}, each carrying the exact items Skyshare planned (QGC flies those until
     * the user edits the pattern, then regenerates it from the polygon, angle and camera).
     */
    SURVEY,
    /** Every item a SimpleItem, as the station uploads them. */
    WAYPOINTS
}
