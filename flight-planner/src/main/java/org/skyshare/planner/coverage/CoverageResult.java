package org.skyshare.planner.coverage;

import java.util.List;

/**
 * Survey lines of one area in flight order (local frame).
 *
 * @param sweepAngleDeg direction of the lines, degrees counter-clockwise from east
 * @param transectLengthM length of the lines alone
 * @param connectionLengthM straight hops between consecutive lines
 */
public record CoverageResult(double sweepAngleDeg, List<Transect> transects, double transectLengthM,
                             double connectionLengthM, int strips) {

    public CoverageResult {
        transects = List.copyOf(transects);
    }

    public static CoverageResult empty() {
        return new CoverageResult(0, List.of(), 0, 0, 0);
    }

    public double pathLengthM() {
        return transectLengthM + connectionLengthM;
    }
}
