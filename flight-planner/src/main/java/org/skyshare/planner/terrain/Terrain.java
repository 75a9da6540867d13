package org.skyshare.planner.terrain;

/** Ground height above mean sea level, from a DEM the user gives. */
public interface Terrain {
    /** Ground height above mean sea level at a WGS84 point, metres; NaN outside the DEM or where it has no data. */
    double groundAmslM(double lonDeg, double latDeg);

    /** Where the heights come from (the DEM file), for summaries and errors. */
    String source();
}
