package org.skyshare.planner.terrain;

import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.sortie.FlightTimer;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a sortie over the ground. The planner plans every waypoint at a height above flat ground;
 * here each height is kept above the DEM's ground instead: every leg is sampled every
 * {@link Settings#sampleM()} metres and waypoints are inserted wherever the straight climb or
 * descent between two of them would leave the height band (wanted height ± tolerance) at a sample,
 * so the ground sample distance stays within the same share of its aim. Altitudes come out
 * relative to the dock's pad (home), as MAVLink's relative frame needs them; the flight time is
 * re-timed with the climbs at the aircraft's climb and descent rates.
 */
public final class TerrainFollower {

    /**
     * @param toleranceShare allowed departure from the wanted height above ground, as a share of it
     *                       (0.1: the GSD stays within ±10 % of its aim)
     * @param sampleM        distance between ground samples along a leg
     */
    public record Settings(double toleranceShare, double sampleM) {
        public static Settings defaults() {
            return new Settings(0.1, 5);
        }
    }

    private final Terrain terrain;
    private final LocalProjection projection;
    private final Settings settings;

    public TerrainFollower(Terrain terrain, LocalProjection projection, Settings settings) {
        this.terrain = terrain;
        this.projection = projection;
        this.settings = settings;
    }

    /**
     * The sortie over the ground.
     *
     * @param homeAmslM the dock pad's height above sea level (relative altitudes are measured from it)
     * @param dockGroundAmslM the ground at the dock as the DEM has it (the take-off height is above it)
     */
    public Sortie follow(Sortie s, double homeAmslM, double dockGroundAmslM, FlightTimer timer) {
        List<Waypoint> in = s.waypoints();
        if (in.size() < 2) {
            return s;
        }
        List<Waypoint> out = new ArrayList<>();
        double[] amsl = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            Waypoint w = in.get(i);
            double g = i == 0 || w.action() == WaypointAction.LAND ? dockGroundAmslM : ground(w, s.id(), i);
            amsl[i] = g + w.altM();
        }
        out.add(at(in.get(0), amsl[0] - homeAmslM));
        boolean onLine = false;
        for (int i = 1; i < in.size(); i++) {
            Waypoint a = in.get(i - 1);
            Waypoint b = in.get(i);
            if (a.action() == WaypointAction.SURVEY_START) {
                onLine = true;
            } else if (a.action() == WaypointAction.SURVEY_END) {
                onLine = false;
            }
            boolean line = onLine || (a.action() == WaypointAction.PASS && b.action() == WaypointAction.PASS);
            Coordinate pa = projection.toLocal(a.lonDeg(), a.latDeg());
            Coordinate pb = projection.toLocal(b.lonDeg(), b.latDeg());
            double len = pa.distance(pb);
            int n = Math.max(1, (int) Math.ceil(len / settings.sampleM()));
            double[] want = new double[n + 1];
            double[] tol = new double[n + 1];
            double[] lat = new double[n + 1];
            double[] lon = new double[n + 1];
            boolean landing = b.action() == WaypointAction.LAND;
            for (int k = 0; k <= n; k++) {
                double f = (double) k / n;
                // straight in longitude/latitude between the ends: over a leg of a few km it departs
                // from the projected straight line by millimetres, and it spares a projection per sample
                lat[k] = a.latDeg() + f * (b.latDeg() - a.latDeg());
                lon[k] = a.lonDeg() + f * (b.lonDeg() - a.lonDeg());
                Coordinate c = new Coordinate(lon[k], lat[k]);
                double hag = a.altM() + f * (b.altM() - a.altM());
                double g;
                if (k == 0) {
                    g = amsl[i - 1] - a.altM();
                } else if (k == n) {
                    g = amsl[i] - b.altM();
                } else {
                    g = ground(c.x, c.y, s.id(), i);
                }
                want[k] = g + hag;
                tol[k] = settings.toleranceShare() * hag;
            }
            if (landing) {
                // arrive above the pad at the wanted height, then land straight down
                want[n] = dockGroundAmslM + b.altM();
            }
            int start = 0;
            while (start < n) {
                int end = furthest(want, tol, start, n);
                if (end < n) {
                    Waypoint mid = new Waypoint(lat[end], lon[end], want[end] - homeAmslM, line ? WaypointAction.PASS : WaypointAction.FLY, 0,
                            line ? b.gimbalPitchDeg() : Double.NaN, Double.NaN, 0, line ? b.agencies() : List.of(),
                            line ? b.assetId() : "", line ? b.cellId() : "");
                    out.add(mid);
                }
                start = end;
            }
            if (landing) {
                out.add(new Waypoint(b.latDeg(), b.lonDeg(), want[n] - homeAmslM, WaypointAction.FLY, 0, Double.NaN, Double.NaN, 0, List.of(), "", ""));
            }
            out.add(at(b, (landing ? want[n] : amsl[i]) - homeAmslM));
        }
        List<RoutePoint> pts = new ArrayList<>();
        double length = 0;
        Coordinate prev = null;
        for (Waypoint w : out) {
            Coordinate c = projection.toLocal(w.lonDeg(), w.latDeg());
            pts.add(new RoutePoint(c.x, c.y, w.altM(), w.action(), w.holdS(), w.gimbalPitchDeg(), w.headingDeg(), w.triggerDistanceM()));
            if (prev != null) {
                length += prev.distance(c);
            }
            prev = c;
        }
        return new Sortie(s.id(), s.dockId(), s.aircraftId(), out, length, timer.sortieS(pts), s.maxRangeM(), s.photoCount(),
                s.inspectionPoints(), s.agencies(), s.assetIds());
    }

    /** How far one straight climb or descent from start stays within the band at every sample (the first sample that breaks it ends the search). */
    private static int furthest(double[] want, double[] tol, int start, int n) {
        int best = start + 1;
        for (int end = start + 1; end <= n; end++) {
            boolean ok = true;
            for (int k = start + 1; k < end && ok; k++) {
                double lin = want[start] + (want[end] - want[start]) * (k - start) / (end - start);
                ok = Math.abs(lin - want[k]) <= tol[k];
            }
            if (!ok) {
                break;
            }
            best = end;
        }
        return best;
    }

    private static Waypoint at(Waypoint w, double relAltM) {
        return new Waypoint(w.latDeg(), w.lonDeg(), relAltM, w.action(), w.holdS(), w.gimbalPitchDeg(), w.headingDeg(), w.triggerDistanceM(),
                w.agencies(), w.assetId(), w.cellId());
    }

    private double ground(Waypoint w, String sortie, int index) {
        return ground(w.lonDeg(), w.latDeg(), sortie, index);
    }

    private double ground(double lon, double lat, String sortie, int index) {
        double g = terrain.groundAmslM(lon, lat);
        if (Double.isNaN(g)) {
            throw new TerrainException(terrain.source() + ": no ground height at " + String.format(java.util.Locale.ROOT, "%.6f, %.6f", lat, lon)
                    + " (sortie " + sortie + ", near waypoint " + index + "); the DEM must cover every asset, dock and leg");
        }
        return g;
    }
}
