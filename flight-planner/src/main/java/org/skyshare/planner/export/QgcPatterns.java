package org.skyshare.planner.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.AreaCoverage;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.profiles.CameraProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QGroundControl's pattern items, in the JSON QGC 4.x saves (SurveyComplexItem version 5,
 * CorridorScanComplexItem version 2, TransectStyleComplexItem version 2, CameraCalc version 2; key
 * names from QGC's SurveyComplexItem.cc, CorridorScanComplexItem.cc, TransectStyleComplexItem.cc,
 * CameraCalc.cc and CameraSpec.cc). The saved {@code Items} are Skyshare's own items for the pass
 * group, so QGC flies exactly the planned lines; the polygon, angle, spacing and camera let the
 * user edit the survey, and QGC then regenerates the lines itself.
 */
final class QgcPatterns {
    static final String SURVEY = "survey";
    static final String CORRIDOR = "CorridorScan";
    /** QGroundControlQmlGlobal::AltitudeModeRelative: heights above the launch point. */
    static final int DISTANCE_MODE_RELATIVE = 1;
    private static final GeometryFactory GF = new GeometryFactory();

    private QgcPatterns() {
    }

    /**
     * For each waypoint, the pattern it belongs to ({@code survey|asset|cell} for area lines,
     * {@code CorridorScan|asset|cell} for river photo passes), or null for a plain waypoint (take-off,
     * transit, tower work, landing).
     */
    static List<String> runs(Plan plan, Sortie sortie) {
        List<String> out = new ArrayList<>();
        String current = null;
        for (Waypoint w : sortie.waypoints()) {
            // a photo line belongs where it starts (its end may lie on the next cell's edge)
            if (w.action() == WaypointAction.SURVEY_START && !w.assetId().isEmpty()) {
                boolean area = plan.coverage().stream().anyMatch(ac -> ac.assetId().equals(w.assetId()) && ac.cellId().equals(w.cellId()));
                current = (area ? SURVEY : CORRIDOR) + "|" + w.assetId() + "|" + w.cellId();
            }
            boolean onLine = current != null && (w.action() == WaypointAction.SURVEY_START || w.action() == WaypointAction.SURVEY_END
                    || w.action() == WaypointAction.PASS);
            out.add(onLine ? current : null);
            if (w.action() == WaypointAction.SURVEY_END || !onLine) {
                current = null;
            }
        }
        return out;
    }

    static Map<String, Object> complexItem(Plan plan, String run, List<MissionItem> items, List<Map<String, Object>> inner) {
        String[] k = run.split("\\|", -1);
        List<Coordinate> local = new ArrayList<>();
        List<Object> visual = new ArrayList<>();
        List<LineString> cameraLegs = new ArrayList<>();
        boolean on = false;
        Coordinate prev = null;
        for (MissionItem m : items) {
            if (m.hasPosition()) {
                Coordinate c = plan.projection().toLocal(m.lonDeg(), m.latDeg());
                local.add(c);
                visual.add(List.of(m.latDeg(), m.lonDeg()));
                if (on && prev != null && prev.distance(c) > 1e-6) {
                    cameraLegs.add(GF.createLineString(new Coordinate[] {prev, c}));
                }
                prev = c;
            } else if (m.command() == MavCmd.DO_SET_CAM_TRIGG_DIST) {
                on = m.param1() > 0;
            }
        }
        int shots = 0;
        for (LineString l : cameraLegs) {
            shots += (int) Math.floor(l.getLength() / plan.photoSpacingM()) + 1;
        }
        Map<String, Object> transect = new LinkedHashMap<>();
        transect.put("CameraCalc", cameraCalc(plan));
        transect.put("CameraShots", shots);
        // the camera triggers on the lines only; the saved items stop it at each line's end
        transect.put("CameraTriggerInTurnAround", false);
        transect.put("HoverAndCapture", false);
        transect.put("Items", inner);
        transect.put("Refly90Degrees", false);
        // lines start and end on the area's edge: no run-out beyond it
        transect.put("TurnAroundDistance", 0.0);
        transect.put("VisualTransectPoints", visual);
        transect.put("version", 2);

        Map<String, Object> item = new LinkedHashMap<>();
        item.put("TransectStyleComplexItem", transect);
        if (k[0].equals(SURVEY)) {
            item.put("angle", angleDeg(cameraLegs));
            item.put("complexItemType", SURVEY);
            item.put("entryLocation", 0);
            item.put("flyAlternateTransects", false);
            item.put("polygon", latLon(plan, surveyPolygon(plan, k[1], cameraLegs)));
            item.put("splitConcavePolygons", true);
            item.put("type", "ComplexItem");
            item.put("version", 5);
        } else {
            item.put("CorridorWidth", corridorWidthM(plan, cameraLegs));
            item.put("EntryPoint", 0);
            item.put("complexItemType", CORRIDOR);
            item.put("polyline", latLon(plan, corridorLine(cameraLegs)));
            item.put("type", "ComplexItem");
            item.put("version", 2);
        }
        return item;
    }

    /** Camera figures as QGC's CameraCalc saves them for a custom camera (overlaps in percent, GSD in cm/px). */
    static Map<String, Object> cameraCalc(Plan plan) {
        CameraProfile cam = plan.camera();
        double along = cam.geometry().footprintAlongM(plan.altitudeM());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("AdjustedFootprintFrontal", plan.photoSpacingM());
        c.put("AdjustedFootprintSide", plan.lineSpacingM());
        c.put("CameraName", "Custom Camera");
        c.put("DistanceMode", DISTANCE_MODE_RELATIVE);
        c.put("DistanceToSurface", plan.altitudeM());
        c.put("FixedOrientation", false);
        c.put("FocalLength", cam.focalLengthMm());
        c.put("FrontalOverlap", round1(100 * (1 - plan.photoSpacingM() / along)));
        c.put("ImageDensity", round1(100 * cam.geometry().gsdM(plan.altitudeM())));
        c.put("ImageHeight", cam.imageHeightPx());
        c.put("ImageWidth", cam.imageWidthPx());
        c.put("Landscape", true);
        c.put("MinTriggerInterval", cam.minCaptureIntervalS());
        c.put("SensorHeight", cam.sensorHeightMm());
        c.put("SensorWidth", cam.sensorWidthMm());
        c.put("SideOverlap", round1(100 * (1 - plan.lineSpacingM() / plan.swathWidthM())));
        c.put("ValueSetIsDistance", true);
        c.put("version", 2);
        return c;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** QGC's grid angle: direction of the lines, degrees clockwise from north, 0..180. */
    static double angleDeg(List<LineString> legs) {
        LineString longest = legs.stream().max(java.util.Comparator.comparingDouble(LineString::getLength)).orElse(null);
        if (longest == null) {
            return 0;
        }
        Coordinate a = longest.getCoordinateN(0);
        Coordinate b = longest.getCoordinateN(1);
        double deg = Math.toDegrees(Math.atan2(b.x - a.x, b.y - a.y));
        return round1(((deg % 180) + 180) % 180);
    }

    /**
     * The part of the area these lines see, as one ring (QGC polygons have no holes): the asset's
     * planned pieces cut to the lines' swaths, the largest part when it falls apart, simplified by 1 m.
     */
    private static Coordinate[] surveyPolygon(Plan plan, String assetId, List<LineString> legs) {
        Geometry sw = legs.isEmpty() ? GF.createPolygon() : swaths(legs, plan.swathWidthM());
        List<Geometry> targets = new ArrayList<>();
        for (AreaCoverage ac : plan.coverage()) {
            if (ac.assetId().equals(assetId) && ac.targetLocal().getEnvelopeInternal().intersects(sw.getEnvelopeInternal())) {
                targets.add(ac.targetLocal());
            }
        }
        Geometry seen = targets.isEmpty() ? sw : OverlayNGRobust.overlay(UnaryUnionOp.union(targets), sw, OverlayNG.INTERSECTION);
        Polygon largest = null;
        for (int i = 0; i < seen.getNumGeometries(); i++) {
            if (seen.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        Geometry ring = largest == null ? sw.convexHull()
                : DouglasPeuckerSimplifier.simplify(GF.createPolygon(largest.getExteriorRing().getCoordinates()), 1);
        if (ring.getCoordinates().length < 4) {
            ring = sw.convexHull();
        }
        return ring.getCoordinates();
    }

    private static Geometry swaths(List<LineString> legs, double swathM) {
        BufferParameters bp = new BufferParameters();
        bp.setEndCapStyle(BufferParameters.CAP_FLAT);
        return BufferOp.bufferOp(GF.createMultiLineString(legs.toArray(LineString[]::new)), swathM / 2, bp);
    }

    /** The camera legs as chains (one per pass): a chain breaks where a leg does not start at the previous end. */
    private static List<Coordinate[]> passes(List<LineString> legs) {
        List<Coordinate[]> out = new ArrayList<>();
        List<Coordinate> cur = new ArrayList<>();
        for (LineString l : legs) {
            if (!cur.isEmpty() && !cur.get(cur.size() - 1).equals2D(l.getCoordinateN(0))) {
                out.add(cur.toArray(Coordinate[]::new));
                cur = new ArrayList<>();
            }
            if (cur.isEmpty()) {
                cur.add(l.getCoordinateN(0));
            }
            cur.add(l.getCoordinateN(1));
        }
        if (cur.size() > 1) {
            out.add(cur.toArray(Coordinate[]::new));
        }
        return out;
    }

    /** A corridor's centre line: the middle one of the passes flown (the centre pass when their number is odd). */
    private static Coordinate[] corridorLine(List<LineString> legs) {
        List<Coordinate[]> ps = passes(legs);
        return ps.isEmpty() ? new Coordinate[0] : ps.get(ps.size() / 2);
    }

    /** Width QGC spreads its passes over: twice the furthest pass from the centre line, plus one swath. */
    private static double corridorWidthM(Plan plan, List<LineString> legs) {
        Coordinate[] centre = corridorLine(legs);
        if (centre.length < 2) {
            return plan.swathWidthM();
        }
        Geometry c = GF.createLineString(centre);
        double far = 0;
        for (Coordinate[] p : passes(legs)) {
            if (p.length > 1) {
                far = Math.max(far, c.distance(GF.createLineString(p).getCentroid()));
            }
        }
        return round1(2 * far + plan.swathWidthM());
    }

    private static List<Object> latLon(Plan plan, Coordinate[] local) {
        List<Object> out = new ArrayList<>();
        int n = local.length > 1 && local[0].equals2D(local[local.length - 1]) ? local.length - 1 : local.length;
        for (int i = 0; i < n; i++) {
            Coordinate w = plan.projection().toWgs84(local[i].x, local[i].y);
            out.add(List.of(w.y, w.x));
        }
        return out;
    }
}
