package org.skyshare.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * An aircraft as planning and the station need it. Speeds in m/s, times in minutes, as spec
 * sheets state them; {@link FlightBudget} turns them into what one battery allows.
 *
 * @param enduranceMin        flight time on one battery at cruise speed, no wind, as published
 * @param batteryReservePct   share of the endurance kept back for landing and contingencies
 * @param payloads            ids of the camera profiles the aircraft carries
 */
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record AircraftProfile(
        String id,
        String name,
        String manufacturer,
        Autopilot autopilot,
        double cruiseSpeedMps,
        double maxSpeedMps,
        double enduranceMin,
        double batteryReservePct,
        double maxWindMps,
        double serviceCeilingM,
        double climbRateMps,
        double descentRateMps,
        List<String> payloads,
        Source source) implements Profile {

    public AircraftProfile {
        payloads = List.copyOf(payloads);
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.AIRCRAFT;
    }

    public FlightBudget budget() {
        return new FlightBudget(this);
    }

    @Override
    public void check(Checks c) {
        c.text("id", id);
        c.text("name", name);
        c.positive("cruise_speed_mps", cruiseSpeedMps);
        c.positive("max_speed_mps", maxSpeedMps);
        c.atLeast("max_speed_mps", maxSpeedMps, "cruise_speed_mps", cruiseSpeedMps);
        c.positive("endurance_min", enduranceMin);
        c.range("battery_reserve_pct", batteryReservePct, 0, 90);
        c.positive("max_wind_mps", maxWindMps);
        c.positive("service_ceiling_m", serviceCeilingM);
        c.positive("climb_rate_mps", climbRateMps);
        c.positive("descent_rate_mps", descentRateMps);
        c.notEmpty("payloads", payloads);
        c.source(source);
    }
}
