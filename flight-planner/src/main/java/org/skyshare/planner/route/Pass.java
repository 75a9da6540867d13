package org.skyshare.planner.route;

import org.skyshare.planner.plan.WaypointAction;

import java.util.ArrayList;
import java.util.List;

/**
 * An unbroken piece of work: one survey line, one corridor pass, one tower hover. A sortie may end
 * between passes but never inside one (a pass longer than a battery is cut before planning).
 *
 * @param photos photos the pass takes (survey lines at their trigger distance, inspections one each)
 */
public record Pass(List<RoutePoint> points, int photos, int inspections) {

    public Pass {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a pass needs at least one point");
        }
    }

    public RoutePoint first() {
        return points.get(0);
    }

    public RoutePoint last() {
        return points.get(points.size() - 1);
    }

    public double lengthM() {
        double l = 0;
        for (int i = 1; i < points.size(); i++) {
            l += points.get(i - 1).distance(points.get(i));
        }
        return l;
    }

    /** The pass flown the other way; a survey line keeps its start/stop actions at the right ends. */
    public Pass reversed() {
        List<RoutePoint> r = new ArrayList<>(points.size());
        for (int i = points.size() - 1; i >= 0; i--) {
            RoutePoint p = points.get(i);
            WaypointAction a = p.action();
            double trig = p.triggerDistanceM();
            if (a == WaypointAction.SURVEY_START) {
                a = WaypointAction.SURVEY_END;
            } else if (a == WaypointAction.SURVEY_END) {
                a = WaypointAction.SURVEY_START;
            }
            r.add(new RoutePoint(p.xM(), p.yM(), p.altM(), a, p.holdS(), p.gimbalPitchDeg(), p.headingDeg(),
                    a == WaypointAction.SURVEY_START ? surveyTrigger() : 0));
        }
        return new Pass(r, photos, inspections);
    }

    private double surveyTrigger() {
        for (RoutePoint p : points) {
            if (p.triggerDistanceM() > 0) {
                return p.triggerDistanceM();
            }
        }
        return 0;
    }
}
