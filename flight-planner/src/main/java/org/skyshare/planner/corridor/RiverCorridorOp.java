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
 * Passes along a river centre line at offsets that together see the normal width plus a margin on
 * both banks: as few passes as the camera swath allows, evenly spread, flown back and forth.
 */
public final class RiverCorridorOp {
    private RiverCorridorOp() {
    }

    /** Offsets (metres, left positive) of the passes covering a corridor with a given swath and spacing. */
    public static List<Double> offsets(double corridorWidthM, double swathWidthM, double lineSpacingM) {
        if (corridorWidthM <= swathWidthM) {
            return List.of(0.0);
        }
        int n = (int) Math.ceil((corridorWidthM - swathWidthM) / lineSpacingM - 1e-9) + 1;
        double span = corridorWidthM - swathWidthM;
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(-span / 2 + span * i / (n - 1));
        }
        return out;
    }

    /** Chunks of a centre line of at most {@code chunkLengthM}, in order. */
    public static List<LineString> chunks(LineString centre, double chunkLengthM) {
        double len = centre.getLength();
        int n = Math.max(1, (int) Math.ceil(len / chunkLengthM));
        LengthIndexedLine idx = new LengthIndexedLine(centre);
        List<LineString> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Geometry g = idx.extractLine(len * i / n, len * (i + 1) / n);
            if (g instanceof LineString l && l.getLength() > 0) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The passes over one chunk, alternating direction; pieces inside the no-fly obstacle are cut out.
     * Each pass is a photo line: the camera triggers every {@code photoSpacingM} from its first point
     * (nadir gimbal) and stops at its last, like a survey line.
     */
    public static List<Pass> passes(LineString chunk, List<Double> offsets, double altitudeM, double simplifyM,
                                    double photoSpacingM, Geometry noFly, PreparedGeometry noFlyPrepared) {
        List<Pass> out = new ArrayList<>();
        boolean forward = true;
        for (double off : offsets) {
            Geometry curve = off == 0 ? chunk : OffsetCurve.getCurve(chunk, off);
            if (curve.isEmpty()) {
                continue;
            }
            List<Geometry> parts = new ArrayList<>();
            if (noFlyPrepared != null && noFlyPrepared.intersects(curve)) {
                Geometry rest = OverlayNGRobust.overlay(curve, noFly, OverlayNG.DIFFERENCE);
                for (int i = 0; i < rest.getNumGeometries(); i++) {
                    parts.add(rest.getGeometryN(i));
                }
            } else {
                parts.add(curve);
            }
            List<Pass> these = new ArrayList<>();
            for (Geometry part : parts) {
                Geometry thin = NoFlyClip.simplifyOutside(part, simplifyM, noFly, noFlyPrepared);
                Coordinate[] cs = thin.getCoordinates();
                if (cs.length < 2 || thin.getLength() < 1) {
                    continue;
                }
                List<RoutePoint> pts = new ArrayList<>(cs.length);
                for (int j = 0; j < cs.length; j++) {
                    WaypointAction a = j == 0 ? WaypointAction.SURVEY_START : j == cs.length - 1 ? WaypointAction.SURVEY_END : WaypointAction.PASS;
                    pts.add(new RoutePoint(cs[j].x, cs[j].y, altitudeM, a, 0, -90, Double.NaN, j == 0 ? photoSpacingM : 0));
                }
                these.add(new Pass(pts, (int) Math.floor(thin.getLength() / photoSpacingM) + 1, 0));
            }
            if (!forward) {
                List<Pass> rev = new ArrayList<>();
                for (int i = these.size() - 1; i >= 0; i--) {
                    rev.add(these.get(i).reversed());
                }
                these = rev;
            }
            out.addAll(these);
            forward = !forward;
        }
        return out;
    }
}
