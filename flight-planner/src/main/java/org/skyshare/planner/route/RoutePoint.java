package org.skyshare.planner.route;

import org.skyshare.planner.plan.WaypointAction;

/**
 * A waypoint in the local metric frame (x = easting, y = northing), before it is tied to a dock.
 * NaN pitch/heading leave the gimbal and heading as they are.
 */
public record RoutePoint(double xM, double yM, double altM, WaypointAction action, double holdS,
                         double gimbalPitchDeg, double headingDeg, double triggerDistanceM) {

    public static RoutePoint fly(double x, double y, double alt) {
        return new RoutePoint(x, y, alt, WaypointAction.FLY, 0, Double.NaN, Double.NaN, 0);
    }

    public double distance(RoutePoint o) {
        return Math.hypot(xM - o.xM, yM - o.yM);
    }

    public double distance(double x, double y) {
        return Math.hypot(xM - x, yM - y);
    }
}
