package org.skyshare.planner.coverage;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 1: candidate sweep directions. The number of survey lines (and so of turns) is the polygon's
 * width across the sweep divided by the spacing; the minimum width is reached parallel to an edge of
 * the convex hull (rotating calipers), so those edge directions are the candidates, narrowest first.
 */
final class SweepDirection {
    private SweepDirection() {
    }

    /** Sweep angles in radians (direction of the survey lines), narrowest width first, at most {@code max}. */
    static List<Double> candidates(Geometry target, int max) {
        Coordinate[] hull = new ConvexHull(target).getConvexHull().getCoordinates();
        record Cand(double angle, double width) {
        }
        List<Cand> cands = new ArrayList<>();
        for (int i = 1; i < hull.length; i++) {
            double dx = hull[i].x - hull[i - 1].x;
            double dy = hull[i].y - hull[i - 1].y;
            double len = Math.hypot(dx, dy);
            if (len < 1e-6) {
                continue;
            }
            double angle = normalise(Math.atan2(dy, dx));
            double nx = -dy / len;
            double ny = dx / len;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Coordinate c : hull) {
                double d = c.x * nx + c.y * ny;
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
            double a = angle;
            if (cands.stream().noneMatch(c -> Math.abs(c.angle - a) < 1e-3)) {
                cands.add(new Cand(angle, hi - lo));
            }
        }
        if (cands.isEmpty()) {
            return List.of(0.0);
        }
        cands.sort(Comparator.comparingDouble(Cand::width).thenComparingDouble(Cand::angle));
        return cands.stream().limit(Math.max(1, max)).map(Cand::angle).toList();
    }

    /** Angle folded into [0, pi): a line and its reverse sweep the same way. */
    static double normalise(double a) {
        double r = a % Math.PI;
        if (r < 0) {
            r += Math.PI;
        }
        if (r >= Math.PI - 1e-12) {
            r = 0;
        }
        return r;
    }
}
