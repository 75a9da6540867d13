package org.skyshare.sim.vehicle;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Fence items (MAV_MISSION_TYPE_FENCE) turned into polygons and circles in local metres. A vertex
 * item's param1 is the vertex count of its polygon; consecutive vertices form one polygon, as in
 * the MAVLink mission protocol.
 */
final class Geofence {
    static final int CIRCLE_INCLUSION = 5003;
    static final int CIRCLE_EXCLUSION = 5004;

    private record Polygon(double[] east, double[] north, boolean inclusion) {
        boolean contains(double e, double n) {
            boolean inside = false;
            for (int i = 0, j = east.length - 1; i < east.length; j = i++) {
                if ((north[i] > n) != (north[j] > n)
                        && e < (east[j] - east[i]) * (n - north[i]) / (north[j] - north[i]) + east[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    private record Circle(double east, double north, double radiusM, boolean inclusion) {
        boolean contains(double e, double n) {
            return Math.hypot(e - east, n - north) <= radiusM;
        }
    }

    private final List<Polygon> polygons;
    private final List<Circle> circles;

    private Geofence(List<Polygon> polygons, List<Circle> circles) {
        this.polygons = polygons;
        this.circles = circles;
    }

    static final Geofence NONE = new Geofence(List.of(), List.of());

    /** @throws IllegalArgumentException naming the item when the vertex counts do not add up */
    static Geofence fromItems(List<MissionItem> items, LocalTangent geo) {
        List<Polygon> polygons = new ArrayList<>();
        List<Circle> circles = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            MissionItem it = items.get(i);
            int cmd = it.command();
            if (cmd == MavCmd.NAV_FENCE_POLYGON_VERTEX_INCLUSION || cmd == MavCmd.NAV_FENCE_POLYGON_VERTEX_EXCLUSION) {
                int count = Math.round(it.param1());
                if (count < 3 || i + count > items.size()) {
                    throw new IllegalArgumentException("fence item " + i + ": polygon of " + count + " vertices does not fit");
                }
                double[] e = new double[count];
                double[] n = new double[count];
                for (int k = 0; k < count; k++) {
                    MissionItem v = items.get(i + k);
                    if (v.command() != cmd || Math.round(v.param1()) != count) {
                        throw new IllegalArgumentException("fence item " + (i + k) + ": expected vertex " + k + " of " + count);
                    }
                    e[k] = geo.eastM(v.lonDeg());
                    n[k] = geo.northM(v.latDeg());
                }
                polygons.add(new Polygon(e, n, cmd == MavCmd.NAV_FENCE_POLYGON_VERTEX_INCLUSION));
                i += count;
            } else if (cmd == CIRCLE_INCLUSION || cmd == CIRCLE_EXCLUSION) {
                circles.add(new Circle(geo.eastM(it.lonDeg()), geo.northM(it.latDeg()), it.param1(), cmd == CIRCLE_INCLUSION));
                i++;
            } else {
                // rally points and return points are allowed in a fence plan and not enforced here
                i++;
            }
        }
        return new Geofence(polygons, circles);
    }

    boolean isEmpty() {
        return polygons.isEmpty() && circles.isEmpty();
    }

    /** True when the point is inside an exclusion zone or outside every inclusion zone there is. */
    boolean breached(double e, double n) {
        boolean anyInclusion = false;
        boolean insideInclusion = false;
        for (Polygon p : polygons) {
            boolean in = p.contains(e, n);
            if (p.inclusion()) {
                anyInclusion = true;
                insideInclusion |= in;
            } else if (in) {
                return true;
            }
        }
        for (Circle c : circles) {
            boolean in = c.contains(e, n);
            if (c.inclusion()) {
                anyInclusion = true;
                insideInclusion |= in;
            } else if (in) {
                return true;
            }
        }
        return anyInclusion && !insideInclusion;
    }
}
