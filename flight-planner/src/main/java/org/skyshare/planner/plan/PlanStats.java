package org.skyshare.planner.plan;

/**
 * Summary figures of a plan (the {@code plan --json} output).
 *
 * @param areaM2           forest area to cover, less no-fly zones
 * @param coveredAreaM2    part of it inside the planned camera swaths
 * @param totalLengthM     flown distance of all sorties
 * @param transectLengthM  length of the survey lines alone (what the area/swath bound compares)
 * @param maxSortieTimeS   longest sortie's flight time
 */
public record PlanStats(
        int sorties,
        int waypoints,
        int inspectionPoints,
        int photoPoints,
        double areaM2,
        double coveredAreaM2,
        double totalLengthM,
        double transectLengthM,
        double maxSortieTimeS,
        int unplanned) {
}
