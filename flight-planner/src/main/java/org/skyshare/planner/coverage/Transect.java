package org.skyshare.planner.coverage;

import org.locationtech.jts.geom.Coordinate;

/** One survey line in the local frame, from {@code a} to {@code b}. */
public record Transect(Coordinate a, Coordinate b) {
    public double lengthM() {
        return a.distance(b);
    }

    public Transect reversed() {
        return new Transect(b, a);
    }
}
