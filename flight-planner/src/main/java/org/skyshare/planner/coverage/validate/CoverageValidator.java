package org.skyshare.planner.coverage.validate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyshare.planner.coverage.Transect;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a coverage independently of how it was made: the share of the target area that lies inside
 * the union of the camera swaths (each line buffered by half the swath width, flat ends).
 */
public final class CoverageValidator {
    private static final GeometryFactory GF = new GeometryFactory();

    private CoverageValidator() {
    }

    public static Geometry swaths(List<Transect> transects, double swathWidthM) {
        if (transects.isEmpty()) {
            return GF.createPolygon();
        }
        BufferParameters bp = new BufferParameters();
        bp.setEndCapStyle(BufferParameters.CAP_FLAT);
        bp.setQuadrantSegments(2);
        List<org.locationtech.jts.geom.LineString> lines = new ArrayList<>(transects.size());
        for (Transect t : transects) {
            if (t.lengthM() > 1e-9) {
                lines.add(GF.createLineString(new Coordinate[] {t.a(), t.b()}));
            }
        }
        // one buffer of all lines is much cheaper than a union of one rectangle per line
        return BufferOp.bufferOp(GF.createMultiLineString(lines.toArray(org.locationtech.jts.geom.LineString[]::new)), swathWidthM / 2, bp);
    }

    /** Area of the target inside the swaths, m². */
    public static double coveredAreaM2(Geometry target, List<Transect> transects, double swathWidthM) {
        if (target.isEmpty() || transects.isEmpty()) {
            return 0;
        }
        // a hair wider than nominal so that lines ending exactly on the boundary do not count as gaps
        Geometry sw = swaths(transects, swathWidthM + 1e-3);
        return OverlayNGRobust.overlay(target, sw, OverlayNG.INTERSECTION).getArea();
    }

    /** Covered share of the target, 0..1 (1 for an empty target). */
    public static double coverageRatio(Geometry target, List<Transect> transects, double swathWidthM) {
        double a = target.getArea();
        return a <= 0 ? 1 : coveredAreaM2(target, transects, swathWidthM) / a;
    }
}
