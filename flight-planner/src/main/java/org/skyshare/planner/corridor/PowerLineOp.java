package org.skyshare.planner.corridor;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.OffsetCurve;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.planner.route.Pass;
import org.skyshare.planner.route.RoutePoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Tower-by-tower inspection of a power line: a hover point beside each tower (gimbal pitched at the
 * upper part of the tower, nose toward it) and a span pass along each side of the line, out on the
 * left and back on the right.
 */
public final class PowerLineOp {
    private PowerLineOp() {
    }

    /** A tower placed along its line: local position, distance along the line, height. */
    public record TowerSite(String id, double xM, double yM, double alongM, double heightM) {
    }

    /** Result for a run of consecutive towers: passes in flight order and the towers that could not be inspected. */
    public record LineRun(List<Pass> passes, List<String> skippedTowers) {
    }

    /** Places towers along the line (sorted by distance along it); the line's vertices when there are none. */
    public static List<TowerSite> sites(LineString line, List<TowerSite> towers, double defaultHeightM) {
        LengthIndexedLine idx = new LengthIndexedLine(line);
        List<TowerSite> out = new ArrayList<>();
        if (towers.isEmpty()) {
            Coordinate[] cs = line.getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                out.add(new TowerSite(null, cs[i].x, cs[i].y, idx.project(cs[i]), defaultHeightM));
            }
        } else {
            for (TowerSite t : towers) {
                out.add(new TowerSite(t.id(), t.xM(), t.yM(), idx.project(new Coordinate(t.xM(), t.yM())), t.heightM()));
            }
        }
        out.sort(java.util.Comparator.comparingDouble(TowerSite::alongM));
        return out;
    }

    /**
     * Passes for towers {@code from..to} (inclusive) of the placed list; inspections of towers from..to-1,
     * and of {@code to} when it is the last tower of the line.
     */
    public static LineRun run(LineString line, List<TowerSite> sites, int from, int to, boolean lastOfLine,
                              CorridorParameters p, Geometry noFly, PreparedGeometry noFlyPrepared, java.util.function.Predicate<Coordinate> blocked) {
        LengthIndexedLine idx = new LengthIndexedLine(line);
        double d = p.towerStandoffM();
        List<Pass> passes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<RoutePoint> left = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            TowerSite t = sites.get(k);
            boolean inspect = k < to || lastOfLine;
            double alt = t.heightM();
            if (inspect) {
                double[] n = normal(idx, t.alongM(), line.getLength());
                double hx = t.xM() + n[0] * d;
                double hy = t.yM() + n[1] * d;
                if (blocked.test(new Coordinate(hx, hy))) {
                    skipped.add(t.id() == null ? "vertex " + k : t.id());
                } else {
                    double heading = (Math.toDegrees(Math.atan2(t.xM() - hx, t.yM() - hy)) + 360) % 360;
                    double pitch = -Math.toDegrees(Math.atan2(alt - 0.7 * t.heightM(), d));
                    left.add(new RoutePoint(hx, hy, alt, WaypointAction.INSPECT, p.inspectHoldS(), pitch, heading, 0));
                }
            }
            if (k < to) {
                Geometry span = idx.extractLine(t.alongM(), sites.get(k + 1).alongM());
                addSpan(left, span, d, alt, p, noFly, noFlyPrepared, passes);
            }
        }
        flush(left, passes);
        int inspections = (int) passes.stream().mapToLong(ps -> ps.points().stream().filter(r -> r.action() == WaypointAction.INSPECT).count()).sum();
        List<Pass> withCounts = new ArrayList<>();
        for (Pass ps : passes) {
            int n = (int) ps.points().stream().filter(r -> r.action() == WaypointAction.INSPECT).count();
            withCounts.add(new Pass(ps.points(), n, n));
        }
        if (to > from) {
            Geometry back = idx.extractLine(sites.get(from).alongM(), sites.get(to).alongM());
            List<RoutePoint> right = new ArrayList<>();
            List<Pass> rightPasses = new ArrayList<>();
            addSpan(right, back, -d, sites.get(from).heightM(), p, noFly, noFlyPrepared, rightPasses);
            flush(right, rightPasses);
            for (int i = rightPasses.size() - 1; i >= 0; i--) {
                withCounts.add(rightPasses.get(i).reversed());
            }
        }
        assert inspections >= 0;
        return new LineRun(withCounts, skipped);
    }

    private static void addSpan(List<RoutePoint> cur, Geometry span, double offset, double alt, CorridorParameters p,
                                Geometry noFly, PreparedGeometry noFlyPrepared, List<Pass> passes) {
        if (!(span instanceof LineString ls) || ls.getLength() < 1) {
            return;
        }
        Geometry curve = OffsetCurve.getCurve(ls, offset);
        List<Geometry> parts = new ArrayList<>();
        boolean cut = noFlyPrepared != null && noFlyPrepared.intersects(curve);
        if (cut) {
            Geometry rest = OverlayNGRobust.overlay(curve, noFly, OverlayNG.DIFFERENCE);
            for (int i = 0; i < rest.getNumGeometries(); i++) {
                parts.add(rest.getGeometryN(i));
            }
            flush(cur, passes);
        } else {
            parts.add(curve);
        }
        for (Geometry part : parts) {
            Coordinate[] cs = NoFlyClip.simplifyOutside(part, p.simplifyM(), noFly, noFlyPrepared).getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                cur.add(new RoutePoint(cs[i].x, cs[i].y, alt, WaypointAction.PASS, 0, -30, Double.NaN, 0));
            }
            if (cut) {
                flush(cur, passes);
            }
        }
    }

    private static void flush(List<RoutePoint> cur, List<Pass> passes) {
        if (!cur.isEmpty()) {
            passes.add(new Pass(cur, 0, 0));
            cur.clear();
        }
    }

    private static double[] normal(LengthIndexedLine idx, double along, double length) {
        double a = Math.max(0, along - 5);
        double b = Math.min(length, along + 5);
        Coordinate p = idx.extractPoint(a);
        Coordinate q = idx.extractPoint(b);
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double l = Math.hypot(dx, dy);
        if (l < 1e-9) {
            return new double[] {0, 1};
        }
        return new double[] {-dy / l, dx / l};
    }
}
