package org.skyshare.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A drone-in-a-box nest.
 *
 * @param chargeTimeMin     time to charge the aircraft from the reserve back to full enough to fly again
 * @param operatingRadiusM  furthest the dock's aircraft may be sent from it
 * @param aircraft          ids of the aircraft profiles this dock houses
 */
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record DockProfile(
        String id,
        String name,
        String manufacturer,
        double chargeTimeMin,
        double operatingRadiusM,
        WeatherLimits weather,
        int aircraftCapacity,
        List<String> aircraft,
        Source source) implements Profile {

    public DockProfile {
        aircraft = List.copyOf(aircraft);
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.DOCK;
    }

    @Override
    public void check(Checks c) {
        c.text("id", id);
        c.text("name", name);
        c.positive("charge_time_min", chargeTimeMin);
        c.positive("operating_radius_m", operatingRadiusM);
        c.present("weather", weather);
        if (weather != null) {
            weather.check(c);
        }
        c.positive("aircraft_capacity", aircraftCapacity);
        c.notEmpty("aircraft", aircraft);
        c.source(source);
    }
}
