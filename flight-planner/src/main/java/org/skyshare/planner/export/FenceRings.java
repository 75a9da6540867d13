package org.skyshare.planner.export;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;

/**
 * No-fly zones as the simple polygons a geofence takes. A fence polygon has no holes, and an
 * inclusion polygon cannot stand for a hole: ArduPilot breaches when the vehicle is outside ANY
 * inclusion polygon, PX4 when it is outside all of them, so a hole written as an inclusion would
 * confine the vehicle to the hole. A zone with holes is therefore cut, through each hole, into
 * hole-free pieces whose union is the zone exactly: each piece an exclusion polygon, the holes
 * stay flyable.
 */
public final class FenceRings {
    private static final GeometryFactory GF = new GeometryFactory();

    private FenceRings() {
    }

    /** Hole-free polygons whose union is the given (multi)polygon, in the same coordinates. */
    public static List<Polygon> holeFree(Geometry zone) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < zone.getNumGeometries(); i++) {
            if (zone.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                split(p, out, 0);
            }
        }
        return out;
    }

    private static void split(Polygon p, List<Polygon> out, int depth) {
        if (p.getNumInteriorRing() == 0 || depth > 64) {
            out.add(p);
            return;
        }
        // a vertical cut through the first hole's centre opens that hole (and any other it crosses) to the outside
        double x = p.getInteriorRingN(0).getEnvelopeInternal().centre().x;
        Envelope e = p.getEnvelopeInternal();
        double pad = Math.max(e.getWidth(), e.getHeight()) + 1;
        Geometry left = GF.toGeometry(new Envelope(e.getMinX() - pad, x, e.getMinY() - pad, e.getMaxY() + pad));
        Geometry right = GF.toGeometry(new Envelope(x, e.getMaxX() + pad, e.getMinY() - pad, e.getMaxY() + pad));
        for (Geometry half : List.of(left, right)) {
            Geometry piece = OverlayNGRobust.overlay(p, half, OverlayNG.INTERSECTION);
            for (int i = 0; i < piece.getNumGeometries(); i++) {
                if (piece.getGeometryN(i) instanceof Polygon q && q.getArea() > 0) {
                    split(q, out, depth + 1);
                }
            }
        }
    }
}
