package org.skyshare.planner.sortie;

import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.DockProfile;

/**
 * A dock placed in the local frame with the aircraft it flies.
 *
 * @param radiusM    furthest any waypoint may be from the dock (the dock's operating radius)
 * @param groundAmslM height of the dock's pad above mean sea level (the dock's {@code elevation_m}, else the
 *                   DEM's ground there); NaN when neither is known
 */
public record DockSite(String id, double xM, double yM, DockProfile profile, AircraftProfile aircraft, double radiusM,
                       double groundAmslM) {

    public DockSite(String id, double xM, double yM, DockProfile profile, AircraftProfile aircraft, double radiusM) {
        this(id, xM, yM, profile, aircraft, radiusM, Double.NaN);
    }

    public boolean groundKnown() {
        return Double.isFinite(groundAmslM);
    }

    public double distance(double x, double y) {
        return Math.hypot(x - xM, y - yM);
    }

    /** Flight time one battery allows, the reserve kept back. */
    public double budgetS() {
        return aircraft.budget().usableTimeS();
    }
}
