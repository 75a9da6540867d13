package org.skyshare.planner.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Area of a polygonal geometry inside a rectangle, by Sutherland-Hodgman clipping of each ring. The
 * clipped ring of a concave polygon may have zero-width bridges, but its area is still exact, and
 * this is many times faster than a full overlay when weighing cell owners.
 */
final class RectClip {
    private RectClip() {
    }

    static double area(Geometry g, Envelope r) {
        double a = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                a += Math.abs(ringArea(p.getExteriorRing().getCoordinates(), r));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    a -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinates(), r));
                }
            }
        }
        return Math.max(0, a);
    }

    private static double ringArea(Coordinate[] ring, Envelope r) {
        int n = ring.length - 1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = ring[i].x;
            ys[i] = ring[i].y;
        }
        double[][] cur = {xs, ys};
        int len = n;
        for (int edge = 0; edge < 4 && len > 0; edge++) {
            double[] ox = new double[len * 2 + 2];
            double[] oy = new double[len * 2 + 2];
            int m = 0;
            for (int i = 0; i < len; i++) {
                double ax = cur[0][(i + len - 1) % len];
                double ay = cur[1][(i + len - 1) % len];
                double bx = cur[0][i];
                double by = cur[1][i];
                boolean ain = inside(edge, ax, ay, r);
                boolean bin = inside(edge, bx, by, r);
                if (bin) {
                    if (!ain) {
                        double[] c = cut(edge, ax, ay, bx, by, r);
                        ox[m] = c[0];
                        oy[m++] = c[1];
                    }
                    ox[m] = bx;
                    oy[m++] = by;
                } else if (ain) {
                    double[] c = cut(edge, ax, ay, bx, by, r);
                    ox[m] = c[0];
                    oy[m++] = c[1];
                }
            }
            cur = new double[][] {ox, oy};
            len = m;
        }
        double a = 0;
        for (int i = 0; i < len; i++) {
            int j = (i + 1) % len;
            a += cur[0][i] * cur[1][j] - cur[0][j] * cur[1][i];
        }
        return a / 2;
    }

    private static boolean inside(int edge, double x, double y, Envelope r) {
        return switch (edge) {
            case 0 -> x >= r.getMinX();
            case 1 -> x <= r.getMaxX();
            case 2 -> y >= r.getMinY();
            default -> y <= r.getMaxY();
        };
    }

    private static double[] cut(int edge, double ax, double ay, double bx, double by, Envelope r) {
        double t;
        if (edge < 2) {
            double x = edge == 0 ? r.getMinX() : r.getMaxX();
            t = (x - ax) / (bx - ax);
            return new double[] {x, ay + t * (by - ay)};
        }
        double y = edge == 2 ? r.getMinY() : r.getMaxY();
        t = (y - ay) / (by - ay);
        return new double[] {ax + t * (bx - ax), y};
    }
}
