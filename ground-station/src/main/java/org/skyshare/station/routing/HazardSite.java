package org.skyshare.station.routing;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Where a hazard lies, as routing rules see it.
 *
 * @param cellOwner   agency that owns the grid cell the hazard is in, null when unknown
 * @param insideKinds asset kinds (lower case: forest, river, no_fly ...) whose area contains the hazard;
 *                    "river" means within the river's normal banks
 * @param distanceM   distance in metres from the hazard to the nearest asset of each kind (0 inside;
 *                    for a river, to its normal banks)
 */
public record HazardSite(String cellOwner, Set<String> insideKinds, Map<String, Double> distanceM) {
    public static final HazardSite NOWHERE = new HazardSite(null, Set.of(), Map.of());

    public HazardSite {
        insideKinds = Set.copyOf(insideKinds);
        distanceM = Map.copyOf(distanceM);
    }

    public boolean inside(String assetKind) {
        return insideKinds.contains(assetKind);
    }

    public OptionalDouble distanceTo(String assetKind) {
        Double d = distanceM.get(assetKind);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }
}
