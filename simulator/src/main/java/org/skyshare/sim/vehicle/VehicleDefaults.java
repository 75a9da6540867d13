package org.skyshare.sim.vehicle;

import org.skyshare.profiles.ProfileCatalog;

/** The template every simulated vehicle starts from unless told otherwise. */
public final class VehicleDefaults {
    private VehicleDefaults() {
    }

    /** sim-quad in a sim-dock at the first Jingshan dock, light wind from the north-west, real time, 10 Hz. */
    public static VehicleConfig simQuad() {
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        return new VehicleConfig(1, 30.3660605, 119.7550211, SimFleet.JINGSHAN_GROUND_AMSL_M,
                catalog.aircraft("sim-quad"), catalog.dock("sim-dock"), 315, 3, 0.8, 42, 1, 10, null,
                VehicleConfig.DEFAULT_GROUND_STATION_SYSTEM_ID);
    }
}
