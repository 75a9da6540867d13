package org.skyshare.planner.sortie;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Legs between waypoints that keep out of no-fly zones and their margin: the straight line when it
 * keeps the whole margin along its length, else the shortest path over a visibility graph whose
 * nodes are the corners of the zones grown by one and a half margins.
 */
public final class NoFlyRouter {
    private static final GeometryFactory GF = new GeometryFactory();
    /** Segments per quadrant of the margin's round corners: chords stay within 0.2 % of the margin. */
    public static final int MARGIN_QUADRANT_SEGMENTS = 16;

    private final Geometry hard;
    private final PreparedGeometry hardPrepared;
    private final List<Coordinate> nodes = new ArrayList<>();
    private boolean[] nodeBlocked = new boolean[0];

    /**
     * @param noFly   the zones as they are, local metres (may be empty)
     * @param marginM clearance every leg keeps from a zone along its whole length (the margin circle is
     *                drawn with 16 segments a quadrant, so a leg may graze its chords: at most 0.2 % closer)
     */
    public NoFlyRouter(List<Geometry> noFly, double marginM) {
        if (noFly.isEmpty()) {
            hard = GF.createPolygon();
            hardPrepared = null;
            return;
        }
        Geometry zones = UnaryUnionOp.union(noFly);
        hard = zones.buffer(marginM, MARGIN_QUADRANT_SEGMENTS);
        hardPrepared = PreparedGeometryFactory.prepare(hard);
        Geometry corners = zones.buffer(marginM * 1.5, 2);
        for (int i = 0; i < corners.getNumGeometries(); i++) {
            Coordinate[] cs = ((org.locationtech.jts.geom.Polygon) corners.getGeometryN(i)).getExteriorRing().getCoordinates();
            nodes.addAll(Arrays.asList(cs).subList(0, cs.length - 1));
        }
        nodeBlocked = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            nodeBlocked[i] = blocked(nodes.get(i).x, nodes.get(i).y);
        }
    }

    public boolean isEmpty() {
        return hardPrepared == null;
    }

    /** True when a point lies in a zone or within the margin of one. */
    public boolean blocked(double x, double y) {
        return hardPrepared != null && hardPrepared.intersects(GF.createPoint(new Coordinate(x, y)));
    }

    public boolean clear(Coordinate a, Coordinate b) {
        if (hardPrepared == null) {
            return true;
        }
        LineString l = GF.createLineString(new Coordinate[] {a, b});
        return !hardPrepared.intersects(l);
    }

    /**
     * Path from a to b as a list of points starting with a and ending with b; null when no path
     * exists (an end inside a zone, or enclosed).
     */
    public List<Coordinate> route(Coordinate a, Coordinate b) {
        if (hardPrepared == null) {
            return List.of(a, b);
        }
        Key k = new Key(a.x, a.y, b.x, b.y);
        List<Coordinate> cached = cache.get(k);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        List<Coordinate> r = search(a, b);
        cache.put(k, r == null ? List.of() : r);
        return r;
    }

    private record Key(double ax, double ay, double bx, double by) {
    }

    private record NodePair(int u, int v) {
    }

    private final java.util.Map<Key, List<Coordinate>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<NodePair, Boolean> nodeClear = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean clearNodes(int u, int v) {
        NodePair key = u < v ? new NodePair(u, v) : new NodePair(v, u);
        return nodeClear.computeIfAbsent(key, kk -> clear(nodes.get(kk.u()), nodes.get(kk.v())));
    }

    private List<Coordinate> search(Coordinate a, Coordinate b) {
        if (clear(a, b)) {
            return List.of(a, b);
        }
        if (blocked(a.x, a.y) || blocked(b.x, b.y)) {
            return null;
        }
        List<Coordinate> pts = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        pts.add(a);
        pts.add(b);
        ids.add(-1);
        ids.add(-1);
        Envelope near = new Envelope(a, b);
        // detours only use corners of zones near the leg; a leg boxed in further away is reported unplanned, never flown through
        near.expandBy(1500);
        for (int i = 0; i < nodes.size(); i++) {
            Coordinate n = nodes.get(i);
            if (near.contains(n) && !nodeBlocked[i]) {
                pts.add(n);
                ids.add(i);
            }
        }
        int n = pts.size();
        double[] dist = new double[n];
        int[] prev = new int[n];
        boolean[] done = new boolean[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[0] = 0;
        for (int iter = 0; iter < n; iter++) {
            int u = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (u < 0 || dist[i] < dist[u])) {
                    u = i;
                }
            }
            if (u < 0 || dist[u] == Double.POSITIVE_INFINITY) {
                break;
            }
            done[u] = true;
            if (u == 1) {
                break;
            }
            for (int v = 0; v < n; v++) {
                if (done[v]) {
                    continue;
                }
                double d = dist[u] + pts.get(u).distance(pts.get(v));
                if (d < dist[v] && (ids.get(u) >= 0 && ids.get(v) >= 0 ? clearNodes(ids.get(u), ids.get(v)) : clear(pts.get(u), pts.get(v)))) {
                    dist[v] = d;
                    prev[v] = u;
                }
            }
        }
        if (prev[1] < 0) {
            return null;
        }
        List<Coordinate> path = new ArrayList<>();
        for (int v = 1; v >= 0; v = prev[v]) {
            path.add(0, pts.get(v));
            if (v == 0) {
                break;
            }
        }
        return path;
    }

    /** Length of the routed path, infinite when there is none. */
    public double routedLengthM(Coordinate a, Coordinate b) {
        List<Coordinate> p = route(a, b);
        if (p == null) {
            return Double.POSITIVE_INFINITY;
        }
        double l = 0;
        for (int i = 1; i < p.size(); i++) {
            l += p.get(i - 1).distance(p.get(i));
        }
        return l;
    }
}
