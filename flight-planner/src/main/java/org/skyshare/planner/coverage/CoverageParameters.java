package org.skyshare.planner.coverage;

/**
 * Knobs of an area coverage (lawnmower) plan, all in metres.
 *
 * @param lineSpacingM   distance between neighbouring survey lines (footprint across x (1 - side overlap))
 * @param swathWidthM    ground width the camera sees across the track at the survey altitude
 * @param photoSpacingM  camera trigger distance along a line (footprint along x (1 - front overlap))
 * @param altitudeM      survey height above take-off
 * @param minLineM       survey lines shorter than this are dropped (slivers at no-fly edges)
 * @param angleCandidates how many of the narrowest sweep directions are tried in full
 */
public record CoverageParameters(double lineSpacingM, double swathWidthM, double photoSpacingM, double altitudeM,
                                 double minLineM, int angleCandidates) {

    public CoverageParameters {
        if (!(lineSpacingM > 0) || !(swathWidthM >= lineSpacingM)) {
            throw new IllegalArgumentException("line spacing must be positive and no wider than the swath (spacing "
                    + lineSpacingM + " m, swath " + swathWidthM + " m)");
        }
        if (!(photoSpacingM > 0) || !(altitudeM > 0)) {
            throw new IllegalArgumentException("photo spacing and altitude must be positive");
        }
    }

    public static CoverageParameters of(double lineSpacingM, double swathWidthM, double photoSpacingM, double altitudeM) {
        return new CoverageParameters(lineSpacingM, swathWidthM, photoSpacingM, altitudeM, 1.0, 4);
    }
}
