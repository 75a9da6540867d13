package org.skyshare.sim.world;

import java.util.List;

/** A line in local metres that answers "how far, and how far along" quickly. */
public final class Polyline {
    private final double[] xs;
    private final double[] ys;
    private final double[] chainage;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    public Polyline(List<LocalFrame.XY> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, got " + points.size());
        }
        int n = points.size();
        xs = new double[n];
        ys = new double[n];
        chainage = new double[n];
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            xs[i] = points.get(i).eastM();
            ys[i] = points.get(i).northM();
            if (i > 0) {
                chainage[i] = chainage[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            }
            x0 = Math.min(x0, xs[i]);
            y0 = Math.min(y0, ys[i]);
            x1 = Math.max(x1, xs[i]);
            y1 = Math.max(y1, ys[i]);
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
    }

    public double lengthM() {
        return chainage[chainage.length - 1];
    }

    public int size() {
        return xs.length;
    }

    public LocalFrame.XY point(int i) {
        return new LocalFrame.XY(xs[i], ys[i]);
    }

    /** The point at a distance along the line (clamped to its ends). */
    public LocalFrame.XY at(double chainageM) {
        double c = Math.max(0, Math.min(lengthM(), chainageM));
        for (int i = 1; i < xs.length; i++) {
            if (c <= chainage[i]) {
                double seg = chainage[i] - chainage[i - 1];
                double t = seg == 0 ? 0 : (c - chainage[i - 1]) / seg;
                return new LocalFrame.XY(xs[i - 1] + t * (xs[i] - xs[i - 1]), ys[i - 1] + t * (ys[i] - ys[i - 1]));
            }
        }
        return point(xs.length - 1);
    }

    /** True when the box lies farther than a margin from the line's bounding box. */
    boolean farFromBox(double x0, double y0, double x1, double y1, double marginM) {
        return x1 < minX - marginM || x0 > maxX + marginM || y1 < minY - marginM || y0 > maxY + marginM;
    }

    /**
     * Distance from a point to the line and the chainage of its nearest point, written into
     * {@code out[0]} and {@code out[1]} so the per-cell hot path allocates nothing.
     */
    public void nearest(double x, double y, double[] out) {
        double best = Double.MAX_VALUE;
        double bestChain = 0;
        for (int i = 1; i < xs.length; i++) {
            double ax = xs[i - 1], ay = ys[i - 1];
            double dx = xs[i] - ax, dy = ys[i] - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
            t = Math.max(0, Math.min(1, t));
            double px = ax + t * dx - x, py = ay + t * dy - y;
            double d2 = px * px + py * py;
            if (d2 < best) {
                best = d2;
                bestChain = chainage[i - 1] + t * Math.sqrt(len2);
            }
        }
        out[0] = Math.sqrt(best);
        out[1] = bestChain;
    }

    public double distanceM(double x, double y) {
        double[] out = new double[2];
        nearest(x, y, out);
        return out[0];
    }
}
