package org.skyshare.station.link;

import java.util.concurrent.CompletableFuture;

/** Vehicle parameters (MAVSDK's Param plugin), as floats. */
public interface ParamsPlugin {
    CompletableFuture<Float> get(String name);

    /** Completes once the vehicle echoes the new value. */
    CompletableFuture<Void> set(String name, float value);
}
