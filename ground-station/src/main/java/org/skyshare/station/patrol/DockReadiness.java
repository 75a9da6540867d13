package org.skyshare.station.patrol;

import org.skyshare.profiles.DockProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Can a dock launch now? The reasons it cannot are kept as sentences, so the operator sees why a
 * patrol waits ("wind 14 m/s over the dock's 12 m/s limit").
 */
public final class DockReadiness {
    private DockReadiness() {
    }

    public static List<String> reasonsNotReady(DockProfile dock, Weather weather, boolean aircraftInDock,
                                               double batteryPct, double minBatteryPct) {
        List<String> reasons = new ArrayList<>();
        if (!aircraftInDock) {
            reasons.add("no aircraft in the dock");
        }
        if (batteryPct < minBatteryPct) {
            reasons.add(String.format("battery %.0f %% below the patrol's %.0f %%", batteryPct, minBatteryPct));
        }
        var limits = dock.weather();
        if (weather.windMps() > limits.maxWindMps()) {
            reasons.add(String.format("wind %.1f m/s over the dock's %.1f m/s limit", weather.windMps(), limits.maxWindMps()));
        }
        if (weather.rainMmPerH() > limits.maxRainMmPerH()) {
            reasons.add(String.format("rain %.1f mm/h over the dock's %.1f mm/h limit", weather.rainMmPerH(), limits.maxRainMmPerH()));
        }
        if (weather.temperatureC() < limits.minTempC() || weather.temperatureC() > limits.maxTempC()) {
            reasons.add(String.format("temperature %.0f C outside the dock's %.0f..%.0f C", weather.temperatureC(),
                    limits.minTempC(), limits.maxTempC()));
        }
        return reasons;
    }
}
