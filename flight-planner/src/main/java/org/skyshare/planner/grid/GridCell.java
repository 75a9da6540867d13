package org.skyshare.planner.grid;

import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * One square cell of the planning grid; findings inside it go to its owner first ("small matters stay
 * inside the grid cell").
 *
 * @param id       stable id {@code G<zone>-<column>-<row>}, column/row counted from the UTM origin in cell sizes
 * @param owner    agency with the largest share of assets in the cell ({@code grid}, the township grid centre, when none)
 * @param agencies every agency with an asset in the cell, sorted
 * @param outline  the cell in WGS84 (x = longitude)
 */
public record GridCell(String id, int column, int row, String owner, List<String> agencies, Polygon outline) {
    public GridCell {
        agencies = List.copyOf(agencies);
    }
}
