package org.skyshare.planner.plan.validate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skyshare.planner.coverage.validate.CoverageValidator;
import org.skyshare.planner.plan.AreaCoverage;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.sortie.DockSite;
import org.skyshare.planner.sortie.FlightTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a finished plan against the rules, from its exported waypoints rather than from how it was
 * built: coverage ratio of every area piece by the swaths of every line flown (a piece may be seen
 * from its neighbour's lines), no waypoint in and no leg across a no-fly zone, every leg at least the
 * no-fly margin from every zone along its whole length, every
 * sortie within its aircraft's endurance less reserve (re-timed from the waypoints) and every
 * waypoint within its dock's radius. Used by the tests and by {@code plan --check}.
 */
public final class PlanValidator {
    public static final double MIN_COVERAGE = 0.99;
    /** A leg may graze the margin's polygonal corners by this much (16 segments a quadrant, see NoFlyRouter). */
    public static final double MARGIN_TOLERANCE_M = 0.05;
    private static final GeometryFactory GF = new GeometryFactory();

    private PlanValidator() {
    }

    /** Result: the violations and the measured coverage ratio over all pieces (area-weighted). */
    public record Report(List<Violation> violations, double coverageRatio, double targetAreaM2, double coveredAreaM2) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Report validate(Plan plan) {
        List<Violation> out = new ArrayList<>();
        double target = 0;
        double covered = 0;
        FlownLines flown = FlownLines.of(plan.coverage());
        for (AreaCoverage ac : plan.coverage()) {
            double a = ac.targetLocal().getArea();
            double c = CoverageValidator.coveredAreaM2(ac.targetLocal(), flown.near(ac.targetLocal(), plan.swathWidthM()), plan.swathWidthM());
            target += a;
            covered += c;
            if (a > 0 && c / a < MIN_COVERAGE) {
                out.add(new Violation("coverage", ac.taskId(), String.format("%.4f of %.0f m2 inside the swaths, expected at least %.2f", c / a, a, MIN_COVERAGE)));
            }
        }
        List<PreparedGeometry> zones = plan.noFlyLocal().stream().map(PreparedGeometryFactory::prepare).toList();
        Map<String, DockSite> docks = plan.docks().stream().collect(Collectors.toMap(DockSite::id, Function.identity()));
        for (Sortie s : plan.sorties()) {
            DockSite dock = docks.get(s.dockId());
            List<RoutePoint> pts = new ArrayList<>();
            Coordinate prev = null;
            for (int i = 0; i < s.waypoints().size(); i++) {
                Waypoint w = s.waypoints().get(i);
                Coordinate m = plan.projection().toLocal(w.lonDeg(), w.latDeg());
                pts.add(new RoutePoint(m.x, m.y, w.altM(), w.action(), w.holdS(), w.gimbalPitchDeg(), w.headingDeg(), w.triggerDistanceM()));
                for (int z = 0; z < zones.size(); z++) {
                    if (zones.get(z).intersects(GF.createPoint(m))) {
                        out.add(new Violation("no-fly", s.id() + " waypoint " + i, "inside no-fly zone " + plan.noFlyZones().get(z).id()));
                    }
                    if (prev != null && zones.get(z).intersects(GF.createLineString(new Coordinate[] {prev, m}))) {
                        out.add(new Violation("no-fly", s.id() + " leg " + (i - 1) + "-" + i, "crosses no-fly zone " + plan.noFlyZones().get(z).id()));
                    } else if (prev != null && nearZone(prev, m, plan.noFlyLocal().get(z), plan.noFlyMarginM())) {
                        double d = plan.noFlyLocal().get(z).distance(GF.createLineString(new Coordinate[] {prev, m}));
                        if (d < plan.noFlyMarginM() - MARGIN_TOLERANCE_M) {
                            out.add(new Violation("margin", s.id() + " leg " + (i - 1) + "-" + i, String.format("passes %.1f m from no-fly zone %s, margin %.0f m",
                                    d, plan.noFlyZones().get(z).id(), plan.noFlyMarginM())));
                        }
                    }
                }
                double r = Math.hypot(m.x - dock.xM(), m.y - dock.yM());
                if (r > dock.radiusM() + 1) {
                    out.add(new Violation("radius", s.id() + " waypoint " + i, String.format("%.0f m from dock %s, radius %.0f m", r, dock.id(), dock.radiusM())));
                }
                prev = m;
            }
            double t = new FlightTimer(dock.aircraft()).sortieS(pts);
            if (t > dock.budgetS() + 1) {
                out.add(new Violation("endurance", s.id(), String.format("%.0f s of flight, budget %.0f s (endurance less reserve)", t, dock.budgetS())));
            }
            if (!s.waypoints().isEmpty()) {
                Waypoint first = s.waypoints().get(0);
                Waypoint last = s.waypoints().get(s.waypoints().size() - 1);
                Coordinate f = plan.projection().toLocal(first.lonDeg(), first.latDeg());
                Coordinate l = plan.projection().toLocal(last.lonDeg(), last.latDeg());
                if (Math.hypot(f.x - dock.xM(), f.y - dock.yM()) > 1 || Math.hypot(l.x - dock.xM(), l.y - dock.yM()) > 1) {
                    out.add(new Violation("dock", s.id(), "does not start and end at dock " + dock.id()));
                }
            }
        }
        return new Report(out, target <= 0 ? 1 : covered / target, target, covered);
    }

    private static boolean nearZone(Coordinate a, Coordinate b, Geometry zone, double marginM) {
        Envelope e = new Envelope(a, b);
        e.expandBy(marginM);
        return e.intersects(zone.getEnvelopeInternal());
    }

    /** Coverage ratio of one geometry against the plan's swaths (for whole-forest checks). */
    public static double coverageOf(Plan plan, Geometry targetLocal) {
        List<org.skyshare.planner.coverage.Transect> all = new ArrayList<>();
        plan.coverage().forEach(ac -> all.addAll(ac.flownTransects()));
        return CoverageValidator.coverageRatio(targetLocal, all, plan.swathWidthM());
    }
}
