package org.skyshare.planner.sortie;

import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.DockProfile;

/**
 * A dock placed in the local frame with the aircraft it flies.
 *
 * @param radiusM furthest any waypoint may be from the dock (the dock's operating radius)
 */
public record DockSite(String id, double xM, double yM, DockProfile profile, AircraftProfile aircraft, double radiusM) {

    public double distance(double x, double y) {
        return Math.hypot(x - xM, y - yM);
    }

    /** Flight time one battery allows, the reserve kept back. */
    public double budgetS() {
        return aircraft.budget().usableTimeS();
    }
}
