package org.skyshare.planner.plan;

import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.coverage.Transect;

import java.util.List;

/**
 * One piece of area coverage (an asset inside one cell, within one dock's reach) in the local frame:
 * what had to be covered and the survey lines that the sorties fly over it.
 */
public record AreaCoverage(String taskId, String assetId, String cellId, Geometry targetLocal, List<Transect> flownTransects) {
    public AreaCoverage {
        flownTransects = List.copyOf(flownTransects);
    }
}
