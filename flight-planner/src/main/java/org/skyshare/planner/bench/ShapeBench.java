package org.skyshare.planner.bench;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.coverage.CoverageOp;
import org.skyshare.planner.coverage.CoverageParameters;
import org.skyshare.planner.coverage.CoverageResult;
import org.skyshare.planner.coverage.validate.CoverageValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Path efficiency of {@link CoverageOp} per shape class against the area/spacing lower bound, with the
 * Jingshan aircraft's survey figures (76.8 m spacing, 96 m swath).
 */
public final class ShapeBench {
    private static final GeometryFactory GF = new GeometryFactory();

    private ShapeBench() {
    }

    public record Row(String shapeClass, int count, double meanLines, double worstLines, double meanPath, double worstPath, double minCoverage) {
    }

    public static List<Row> run(long seed, int perClass) {
        CoverageParameters p = CoverageParameters.of(76.8, 96.0, 64, 114);
        List<Row> rows = new ArrayList<>();
        String[] classes = {"convex", "concave", "with holes"};
        for (int k = 0; k < classes.length; k++) {
            Random rnd = new Random(seed + k);
            double sumL = 0;
            double worstL = 0;
            double sumP = 0;
            double worstP = 0;
            double minCov = 1;
            for (int i = 0; i < perClass; i++) {
                double r = 800 + rnd.nextDouble() * 1200;
                Polygon shape = switch (k) {
                    case 0 -> convex(rnd, r);
                    case 1 -> concave(rnd, r);
                    default -> holed(rnd, r);
                };
                CoverageResult res = CoverageOp.cover(shape, null, p);
                double bound = shape.getArea() / p.lineSpacingM();
                double l = res.transectLengthM() / bound;
                double pa = res.pathLengthM() / bound;
                sumL += l;
                sumP += pa;
                worstL = Math.max(worstL, l);
                worstP = Math.max(worstP, pa);
                minCov = Math.min(minCov, CoverageValidator.coverageRatio(shape, res.transects(), p.swathWidthM()));
            }
            rows.add(new Row(classes[k], perClass, sumL / perClass, worstL, sumP / perClass, worstP, minCov));
        }
        return rows;
    }

    static Polygon convex(Random rnd, double r) {
        int n = 5 + rnd.nextInt(8);
        Coordinate[] pts = new Coordinate[n];
        double stretch = 1 + rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n + rnd.nextDouble() * 0.3;
            pts[i] = new Coordinate(r * stretch * Math.cos(a), r * Math.sin(a));
        }
        return (Polygon) GF.createMultiPointFromCoords(pts).convexHull();
    }

    static Polygon concave(Random rnd, double r) {
        return CityGenerator.patch(rnd, 0, 0, r).getNumInteriorRing() == 0 && rnd.nextBoolean()
                ? CityGenerator.patch(new Random(rnd.nextLong()), 0, 0, r)
                : star(rnd, r);
    }

    private static Polygon star(Random rnd, double r) {
        int n = 8 + 2 * rnd.nextInt(4);
        Coordinate[] pts = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rr = r * (i % 2 == 0 ? 1 : 0.45 + 0.2 * rnd.nextDouble());
            pts[i] = new Coordinate(rr * Math.cos(a), rr * Math.sin(a));
        }
        pts[n] = pts[0];
        return GF.createPolygon(pts);
    }

    static Polygon holed(Random rnd, double r) {
        Polygon shell = convex(rnd, r);
        LinearRing hole = (LinearRing) ((Polygon) GF.createPoint(new Coordinate(r * 0.1, 0)).buffer(r * (0.15 + 0.15 * rnd.nextDouble()), 4))
                .getExteriorRing();
        return GF.createPolygon((LinearRing) shell.getExteriorRing(), new LinearRing[] {hole});
    }
}
