package org.skyshare.planner.export;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise. JTS's own
 * {@code normalize()} does the opposite, so rings are oriented here before writing GeoJSON.
 */
public final class RightHandRule {
    private static final GeometryFactory GF = new GeometryFactory();

    private RightHandRule() {
    }

    /** The geometry with its polygon rings wound as RFC 7946 asks; other geometries unchanged. */
    public static Geometry orient(Geometry g) {
        if (g instanceof Polygon p) {
            return orient(p);
        }
        if (g instanceof MultiPolygon mp) {
            Polygon[] ps = new Polygon[mp.getNumGeometries()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = orient((Polygon) mp.getGeometryN(i));
            }
            return GF.createMultiPolygon(ps);
        }
        return g;
    }

    private static Polygon orient(Polygon p) {
        if (p.isEmpty()) {
            return p;
        }
        LinearRing shell = wind(p.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = wind(p.getInteriorRingN(i), false);
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing wind(LinearRing r, boolean counterClockwise) {
        boolean ccw = Orientation.isCCW(r.getCoordinateSequence());
        return ccw == counterClockwise ? r : GF.createLinearRing(r.reverse().getCoordinateSequence());
    }
}
