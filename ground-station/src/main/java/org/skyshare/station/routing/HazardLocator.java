package org.skyshare.station.routing;

import org.skyshare.station.alert.GeoPoint;

/**
 * Tells the router where a hazard lies among the assets and grid cells. The station builds one
 * over its asset files ({@link GeoJsonAssetLocator}); an adapter over the planner's asset set can
 * replace it without touching the router.
 */
@FunctionalInterface
public interface HazardLocator {
    HazardLocator NOWHERE = p -> HazardSite.NOWHERE;

    HazardSite locate(GeoPoint position);
}
