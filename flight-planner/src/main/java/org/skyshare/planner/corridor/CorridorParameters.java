package org.skyshare.planner.corridor;

/**
 * Knobs of river and power-line routes, metres and seconds.
 *
 * @param riverMarginM     extra width watched beyond each bank
 * @param riverAltitudeM   height of river passes
 * @param chunkLengthM     a river is cut into tasks of this length along its centre line
 * @param towerStandoffM   horizontal distance of the inspection hover point and the span passes from the line
 * @param towerHeightM     tower height used when the file gives none ({@code height_m})
 * @param inspectHoldS     hover time at each tower
 * @param towersPerTask    towers per line task (consecutive spans)
 * @param simplifyM        tolerance for thinning pass polylines
 */
public record CorridorParameters(double riverMarginM, double riverAltitudeM, double chunkLengthM, double towerStandoffM,
                                 double towerHeightM, double inspectHoldS, int towersPerTask, double simplifyM) {

    public static CorridorParameters defaults(double altitudeM) {
        return new CorridorParameters(20, altitudeM, 2000, 30, 45, 3, 6, 2);
    }
}
