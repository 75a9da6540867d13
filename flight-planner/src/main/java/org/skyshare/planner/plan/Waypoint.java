package org.skyshare.planner.plan;

import java.util.List;

/**
 * One point of a sortie, in WGS84 with the altitude relative to the dock (metres above take-off).
 *
 * @param action           what happens here
 * @param holdS            hover time before continuing (inspections), seconds
 * @param gimbalPitchDeg   camera pitch (-90 = straight down); NaN to leave it
 * @param headingDeg       aircraft heading for inspections (deg from north, clockwise); NaN to leave it
 * @param triggerDistanceM camera trigger distance for {@link WaypointAction#SURVEY_START}, else 0
 * @param agencies         the agencies whose tasks this point serves (a shared flight serves several)
 * @param assetId          the asset the point belongs to (forest, river, line, tower); empty for transit
 * @param cellId           grid cell the point lies in; empty outside the grid
 */
public record Waypoint(
        double latDeg,
        double lonDeg,
        double altM,
        WaypointAction action,
        double holdS,
        double gimbalPitchDeg,
        double headingDeg,
        double triggerDistanceM,
        List<String> agencies,
        String assetId,
        String cellId) {

    public Waypoint {
        agencies = List.copyOf(agencies);
    }
}
