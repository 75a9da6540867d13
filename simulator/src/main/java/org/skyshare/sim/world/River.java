package org.skyshare.sim.world;

import java.util.List;

/**
 * A river as its centre line and normal width, with stretches where it has left its banks. A flood
 * widens the water to its flood width over the stretch and tapers back to normal over
 * {@link #TAPER_M} at each end, the way water spreads out of a channel.
 */
public record River(String id, String name, Polyline centreLine, double normalWidthM, List<FloodStretch> floods) {

    public static final double TAPER_M = 120;

    public River {
        floods = List.copyOf(floods);
    }

    /** Width of water at a chainage along the centre line, flood included. */
    public double waterWidthM(double chainageM) {
        double w = normalWidthM;
        for (FloodStretch f : floods) {
            double inside;
            if (chainageM >= f.fromChainageM() && chainageM <= f.toChainageM()) {
                inside = 1;
            } else {
                double gap = chainageM < f.fromChainageM() ? f.fromChainageM() - chainageM : chainageM - f.toChainageM();
                inside = Math.max(0, 1 - gap / TAPER_M);
            }
            w = Math.max(w, normalWidthM + inside * (f.floodWidthM() - normalWidthM));
        }
        return w;
    }

    public double maxWidthM() {
        return floods.stream().mapToDouble(FloodStretch::floodWidthM).reduce(normalWidthM, Math::max);
    }

    /** Part of a river beyond its normal banks. */
    public record FloodStretch(double fromChainageM, double toChainageM, double floodWidthM) {
        public FloodStretch {
            if (!(toChainageM > fromChainageM)) {
                throw new IllegalArgumentException("a flood stretch must end after it starts: from " + fromChainageM + " m to " + toChainageM + " m");
            }
        }
    }
}
