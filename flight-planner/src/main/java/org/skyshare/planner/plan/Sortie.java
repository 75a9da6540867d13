package org.skyshare.planner.plan;

import java.util.List;

/**
 * One flight on one battery: leaves a dock, flies its waypoints and lands on the same dock.
 *
 * @param id             stable id, {@code <dock id>-<number>}
 * @param lengthM        flown distance including transit and detours
 * @param flightTimeS    estimated time: climb, transit and route at cruise speed, turns, hovers, descent
 * @param maxRangeM      greatest horizontal distance of any waypoint from the dock
 * @param photoCount     photos the camera triggers (survey lines at the trigger distance plus inspections)
 * @param inspectionPoints tower inspections in this sortie
 * @param agencies       every agency served, sorted
 */
public record Sortie(
        String id,
        String dockId,
        String aircraftId,
        List<Waypoint> waypoints,
        double lengthM,
        double flightTimeS,
        double maxRangeM,
        int photoCount,
        int inspectionPoints,
        List<String> agencies,
        List<String> assetIds) {

    public Sortie {
        waypoints = List.copyOf(waypoints);
        agencies = List.copyOf(agencies);
        assetIds = List.copyOf(assetIds);
    }
}
