package org.skyshare.sim.world;

/**
 * A burning patch of ground. Inside {@code coreFraction * radiusM} the surface is at the core
 * temperature; it falls off to the edge of the burning area and beyond it the scorched ground stays
 * warm for about half a radius more.
 *
 * @param smokeDensity 0 (none) to 1 (opaque near the fire) for the plume drifting downwind
 */
public record Fire(String id, double latDeg, double lonDeg, LocalFrame.XY position, double radiusM,
                   double coreTemperatureC, double smokeDensity) {

    public static final double CORE_FRACTION = 0.35;

    public Fire {
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("fire " + id + ": radius_m must be above 0, got " + radiusM);
        }
        if (!(coreTemperatureC > 100)) {
            throw new IllegalArgumentException("fire " + id + ": core_temperature_c must be above 100, got " + coreTemperatureC);
        }
        if (!(smokeDensity >= 0 && smokeDensity <= 1)) {
            throw new IllegalArgumentException("fire " + id + ": smoke must be from 0 to 1, got " + smokeDensity);
        }
    }

    /** Distance beyond which the fire no longer changes the ground's temperature noticeably. */
    public double influenceRadiusM() {
        return radiusM * 4;
    }

    /** Surface temperature at a distance from the centre over ground otherwise at {@code groundC}. */
    public double temperatureC(double distanceM, double groundC) {
        double core = CORE_FRACTION * radiusM;
        if (distanceM <= core) {
            return coreTemperatureC;
        }
        double edgeC = groundC + (coreTemperatureC - groundC) * Math.exp(-3);
        if (distanceM <= radiusM) {
            double t = (distanceM - core) / (radiusM - core);
            return groundC + (coreTemperatureC - groundC) * Math.exp(-3 * t * t);
        }
        return groundC + (edgeC - groundC) * Math.exp(-(distanceM - radiusM) / (0.5 * radiusM));
    }
}
