package org.skyshare.planner.plan;

/**
 * What the operator can tune. Units in the names; overlaps are fractions.
 *
 * @param aircraftId     aircraft for every dock; null = each dock's own (first aircraft of its profile)
 * @param cameraId       camera for area coverage; null = the aircraft's thermal payload (else its first)
 * @param gsdM           wanted ground sample distance; sets the survey height (within min/max altitude)
 * @param cellSizeM      grid cell side; coverage is planned cell by cell
 * @param noFlyMarginM   clearance kept from no-fly zones by every leg, survey line and pass, along its whole length
 * @param measureCoverage compute the covered area geometrically (exact, slower on very large plans)
 */
public record PlanParameters(
        String aircraftId,
        String cameraId,
        double gsdM,
        double sideOverlap,
        double frontOverlap,
        double minAltitudeM,
        double maxAltitudeM,
        double cellSizeM,
        double noFlyMarginM,
        double riverMarginM,
        double riverChunkM,
        double towerStandoffM,
        double towerHeightM,
        int towersPerTask,
        boolean measureCoverage) {

    public PlanParameters {
        check(gsdM > 0, "gsd must be positive, got " + gsdM);
        check(sideOverlap >= 0 && sideOverlap < 1, "side overlap must be a fraction from 0 up to (not including) 1, got " + sideOverlap);
        check(frontOverlap >= 0 && frontOverlap < 1, "front overlap must be a fraction from 0 up to (not including) 1, got " + frontOverlap);
        check(minAltitudeM > 0 && maxAltitudeM >= minAltitudeM, "altitudes must satisfy 0 < min <= max, got " + minAltitudeM + " and " + maxAltitudeM);
        check(cellSizeM >= 50, "grid cell size must be at least 50 m, got " + cellSizeM);
        check(noFlyMarginM >= 0, "no-fly margin must not be negative, got " + noFlyMarginM);
        check(riverMarginM >= 0 && riverChunkM >= 100, "river margin >= 0 and chunk >= 100 m expected");
        check(towerStandoffM > 0 && towerHeightM > 0 && towersPerTask >= 1, "tower standoff, height and towers per task must be positive");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new PlanException(message);
        }
    }

    /** Thermal fire patrol defaults: 0.15 m/px, 20% side and 30% front overlap, 120 m ceiling, 1 km cells. */
    public static PlanParameters defaults() {
        return new PlanParameters(null, null, 0.15, 0.2, 0.3, 30, 120, 1000, 20, 20, 2000, 30, 45, 6, true);
    }

    public PlanParameters withAircraft(String id) {
        return new PlanParameters(id, cameraId, gsdM, sideOverlap, frontOverlap, minAltitudeM, maxAltitudeM, cellSizeM, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, measureCoverage);
    }

    public PlanParameters withCamera(String id) {
        return new PlanParameters(aircraftId, id, gsdM, sideOverlap, frontOverlap, minAltitudeM, maxAltitudeM, cellSizeM, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, measureCoverage);
    }

    public PlanParameters withCellSize(double m) {
        return new PlanParameters(aircraftId, cameraId, gsdM, sideOverlap, frontOverlap, minAltitudeM, maxAltitudeM, m, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, measureCoverage);
    }

    public PlanParameters withGsd(double m) {
        return new PlanParameters(aircraftId, cameraId, m, sideOverlap, frontOverlap, minAltitudeM, maxAltitudeM, cellSizeM, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, measureCoverage);
    }

    public PlanParameters withSideOverlap(double f) {
        return new PlanParameters(aircraftId, cameraId, gsdM, f, frontOverlap, minAltitudeM, maxAltitudeM, cellSizeM, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, measureCoverage);
    }

    public PlanParameters withMeasureCoverage(boolean b) {
        return new PlanParameters(aircraftId, cameraId, gsdM, sideOverlap, frontOverlap, minAltitudeM, maxAltitudeM, cellSizeM, noFlyMarginM,
                riverMarginM, riverChunkM, towerStandoffM, towerHeightM, towersPerTask, b);
    }
}
