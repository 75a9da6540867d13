package org.skyshare.sim.world;

import java.util.List;

/** What is really there, for tests: fires, roofs (hot ones are harmless) and floods. */
public record GroundTruth(List<FireTruth> fires, List<RoofTruth> roofs, List<FloodTruth> floods) {

    public GroundTruth {
        fires = List.copyOf(fires);
        roofs = List.copyOf(roofs);
        floods = List.copyOf(floods);
    }

    public record FireTruth(String id, double latDeg, double lonDeg, double radiusM, double coreTemperatureC) {
    }

    public record RoofTruth(String id, double latDeg, double lonDeg, double widthM, double lengthM, double roofTemperatureC) {
    }

    /** A stretch of river beyond its banks, from one end of the stretch to the other, with its middle. */
    public record FloodTruth(String riverId, double normalWidthM, double floodWidthM, double fromChainageM, double toChainageM,
                             double startLatDeg, double startLonDeg, double endLatDeg, double endLonDeg,
                             double centreLatDeg, double centreLonDeg) {
        public double lengthM() {
            return toChainageM - fromChainageM;
        }
    }
}
