package org.skyshare.station.link;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Geofence upload (MAVSDK's Geofence plugin): the no-fly zones as exclusion polygons. */
public interface GeofencePlugin {
    CompletableFuture<Void> upload(List<FenceZone> zones);

    CompletableFuture<Void> clear();
}
