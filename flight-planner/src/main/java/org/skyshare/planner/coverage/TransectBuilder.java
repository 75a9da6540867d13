package org.skyshare.planner.coverage;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 2: survey lines for a target already rotated so that lines run along x. Each line is the
 * centre of a band one spacing high; for every connected piece of the target inside the band the line
 * spans the piece's whole x extent, so the swath (at least one spacing wide) covers the piece even at
 * slanted or ragged edges. Pieces of line inside a no-fly zone are cut out.
 */
final class TransectBuilder {
    private static final GeometryFactory GF = new GeometryFactory();

    private TransectBuilder() {
    }

    /** Lines grouped by band (index = band), each band's lines sorted by x. */
    static List<List<Transect>> build(Geometry target, Geometry noFly, PreparedGeometry noFlyPrepared, CoverageParameters p) {
        Envelope env = target.getEnvelopeInternal();
        double s = p.lineSpacingM();
        int n = Math.max(1, (int) Math.ceil(env.getHeight() / s - 1e-9));
        double y0 = env.getMinY() + (env.getHeight() - (n - 1) * s) / 2;
        List<List<Transect>> bands = new ArrayList<>(n);
        List<double[]> edges = edges(target);
        for (int k = 0; k < n; k++) {
            double y = y0 + k * s;
            double lo = k == 0 ? Math.min(env.getMinY(), y - s / 2) : y - s / 2;
            double hi = k == n - 1 ? Math.max(env.getMaxY(), y + s / 2) : y + s / 2;
            List<double[]> merged = merge(spans(edges, lo, hi));
            List<Transect> lines = new ArrayList<>();
            for (double[] sp : merged) {
                if (sp[1] - sp[0] < p.minLineM()) {
                    continue;
                }
                addOutsideNoFly(lines, new Coordinate(sp[0], y), new Coordinate(sp[1], y), noFly, noFlyPrepared, p.minLineM());
            }
            bands.add(lines);
        }
        return bands;
    }

    /** Every ring edge as {x1, y1, x2, y2}. */
    private static List<double[]> edges(Geometry g) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (!(part instanceof org.locationtech.jts.geom.Polygon poly)) {
                continue;
            }
            for (int r = -1; r < poly.getNumInteriorRing(); r++) {
                Coordinate[] cs = (r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r)).getCoordinates();
                for (int j = 1; j < cs.length; j++) {
                    out.add(new double[] {cs[j - 1].x, cs[j - 1].y, cs[j].x, cs[j].y});
                }
            }
        }
        return out;
    }

    /**
     * The x projection of the target inside the band lo..hi, as unmerged intervals: every edge clipped
     * to the band, plus the inside spans of the band's two bounding lines. Their union is the projection
     * of the band's pieces (a piece's x extreme lies on its boundary, which is made of exactly these).
     */
    private static List<double[]> spans(List<double[]> edges, double lo, double hi) {
        List<double[]> out = new ArrayList<>();
        double[] xsLo = new double[16];
        double[] xsHi = new double[16];
        int nLo = 0;
        int nHi = 0;
        for (double[] e : edges) {
            double x1 = e[0];
            double y1 = e[1];
            double x2 = e[2];
            double y2 = e[3];
            double ymin = Math.min(y1, y2);
            double ymax = Math.max(y1, y2);
            if (ymax < lo || ymin > hi) {
                continue;
            }
            double a;
            double b;
            if (ymax - ymin < 1e-12) {
                a = x1;
                b = x2;
            } else {
                double ta = (Math.max(lo, ymin) - y1) / (y2 - y1);
                double tb = (Math.min(hi, ymax) - y1) / (y2 - y1);
                a = x1 + ta * (x2 - x1);
                b = x1 + tb * (x2 - x1);
            }
            out.add(new double[] {Math.min(a, b), Math.max(a, b)});
            if ((y1 <= lo) != (y2 <= lo)) {
                if (nLo == xsLo.length) {
                    xsLo = java.util.Arrays.copyOf(xsLo, nLo * 2);
                }
                xsLo[nLo++] = x1 + (lo - y1) / (y2 - y1) * (x2 - x1);
            }
            if ((y1 <= hi) != (y2 <= hi)) {
                if (nHi == xsHi.length) {
                    xsHi = java.util.Arrays.copyOf(xsHi, nHi * 2);
                }
                xsHi[nHi++] = x1 + (hi - y1) / (y2 - y1) * (x2 - x1);
            }
        }
        addPairs(out, xsLo, nLo);
        addPairs(out, xsHi, nHi);
        return out;
    }

    private static void addPairs(List<double[]> out, double[] xs, int n) {
        java.util.Arrays.sort(xs, 0, n);
        for (int i = 0; i + 1 < n; i += 2) {
            out.add(new double[] {xs[i], xs[i + 1]});
        }
    }

    private static List<double[]> merge(List<double[]> spans) {
        spans.sort(Comparator.comparingDouble(a -> a[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] sp : spans) {
            if (!merged.isEmpty() && sp[0] <= merged.get(merged.size() - 1)[1] + 1e-9) {
                merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], sp[1]);
            } else {
                merged.add(sp);
            }
        }
        return merged;
    }

    private static void addOutsideNoFly(List<Transect> out, Coordinate a, Coordinate b, Geometry noFly,
                                        PreparedGeometry prepared, double minLen) {
        LineString line = GF.createLineString(new Coordinate[] {a, b});
        if (noFly == null || !prepared.intersects(line)) {
            if (a.distance(b) >= minLen) {
                out.add(new Transect(a, b));
            }
            return;
        }
        Geometry rest = OverlayNGRobust.overlay(line, noFly, OverlayNG.DIFFERENCE);
        List<Transect> parts = new ArrayList<>();
        for (int i = 0; i < rest.getNumGeometries(); i++) {
            Coordinate[] cs = rest.getGeometryN(i).getCoordinates();
            if (cs.length >= 2) {
                Coordinate s = cs[0];
                Coordinate e = cs[cs.length - 1];
                if (s.x > e.x) {
                    Coordinate t = s;
                    s = e;
                    e = t;
                }
                if (s.distance(e) >= minLen) {
                    parts.add(new Transect(s, e));
                }
            }
        }
        parts.sort(Comparator.comparingDouble(t -> t.a().x));
        out.addAll(parts);
    }
}
