package org.skyshare.planner.sortie;

import org.skyshare.planner.route.RoutePoint;
import org.skyshare.profiles.AircraftProfile;

import java.util.List;

/**
 * The flight-time model of a sortie: climb from the dock, legs at cruise speed (or at the climb /
 * descent rate when the height change takes longer), a turn penalty proportional to the heading
 * change, hovers, and the descent back onto the dock.
 */
public final class FlightTimer {
    /** Time lost in a full reversal (decelerate, turn, accelerate) at multirotor survey speeds. */
    public static final double REVERSAL_S = 6;

    private final AircraftProfile aircraft;

    public FlightTimer(AircraftProfile aircraft) {
        this.aircraft = aircraft;
    }

    public double climbS(double heightM) {
        return Math.max(0, heightM) / aircraft.climbRateMps();
    }

    public double descentS(double heightM) {
        return Math.max(0, heightM) / aircraft.descentRateMps();
    }

    public double legS(RoutePoint a, RoutePoint b) {
        return legS(a.distance(b), b.altM() - a.altM());
    }

    public double legS(double horizontalM, double climbM) {
        double h = horizontalM / aircraft.cruiseSpeedMps();
        double v = climbM >= 0 ? climbM / aircraft.climbRateMps() : -climbM / aircraft.descentRateMps();
        return Math.max(h, v);
    }

    public static double turnS(RoutePoint a, RoutePoint b, RoutePoint c) {
        double h1 = Math.atan2(b.yM() - a.yM(), b.xM() - a.xM());
        double h2 = Math.atan2(c.yM() - b.yM(), c.xM() - b.xM());
        if (a.distance(b) < 1e-6 || b.distance(c) < 1e-6) {
            return 0;
        }
        double d = Math.abs(h2 - h1);
        if (d > Math.PI) {
            d = 2 * Math.PI - d;
        }
        return REVERSAL_S * d / Math.PI;
    }

    /**
     * Time of a whole sortie whose first point is the take-off above the dock and last the landing on
     * it (both at their altitudes).
     */
    public double sortieS(List<RoutePoint> pts) {
        if (pts.isEmpty()) {
            return 0;
        }
        double t = climbS(pts.get(0).altM()) + descentS(pts.get(pts.size() - 1).altM());
        for (int i = 0; i < pts.size(); i++) {
            t += pts.get(i).holdS();
            if (i > 0) {
                t += legS(pts.get(i - 1), pts.get(i));
            }
            if (i > 0 && i < pts.size() - 1) {
                t += turnS(pts.get(i - 1), pts.get(i), pts.get(i + 1));
            }
        }
        return t;
    }

    public double cruiseSpeedMps() {
        return aircraft.cruiseSpeedMps();
    }
}
