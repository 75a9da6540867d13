package org.skyshare.sim.vehicle;

import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.DockProfile;
import org.skyshare.sim.mavlink.MavlinkSigning;

/**
 * How one simulated docked vehicle is set up.
 *
 * @param systemId         MAVLink system id (1..255), unique in a fleet
 * @param homeLatDeg       dock latitude
 * @param homeLonDeg       dock longitude
 * @param homeAltitudeAmslM ground (dock) altitude above mean sea level
 * @param aircraft         kinematics and battery come from this profile
 * @param dock             charge time comes from this profile
 * @param windFromDeg      mean wind direction (meteorological, where it blows from)
 * @param windSpeedMps     mean wind speed
 * @param gustMps          standard deviation of the gusts around the mean
 * @param seed             random seed for gusts and injected packet loss
 * @param timeFactor       simulation seconds per wall-clock second for physics and battery
 * @param telemetryRateHz  rate of the fast streams (position, attitude); the others derive from it
 * @param signing          when not null the vehicle signs what it sends and accepts only signed frames
 * @param groundStationSystemId the only system id whose commands, mission uploads and parameter
 *                         changes an unsigned vehicle obeys (255 by convention; MAVSDK uses 245),
 *                         the way ArduPilot's SYSID_MYGCS with SYSID_ENFORCE works. With signing on,
 *                         a valid signature is the credential and any system id is obeyed.
 */
public record VehicleConfig(
        int systemId,
        double homeLatDeg,
        double homeLonDeg,
        double homeAltitudeAmslM,
        AircraftProfile aircraft,
        DockProfile dock,
        double windFromDeg,
        double windSpeedMps,
        double gustMps,
        long seed,
        double timeFactor,
        double telemetryRateHz,
        MavlinkSigning signing,
        int groundStationSystemId) {

    /** The ground station system id a vehicle obeys unless told otherwise (the MAVLink convention for a GCS). */
    public static final int DEFAULT_GROUND_STATION_SYSTEM_ID = 255;

    public VehicleConfig {
        if (systemId < 1 || systemId > 255) {
            throw new IllegalArgumentException("system id must be 1..255, got " + systemId);
        }
        if (!(timeFactor > 0) || timeFactor > 1000) {
            throw new IllegalArgumentException("time factor must be in (0, 1000], got " + timeFactor);
        }
        if (!(telemetryRateHz > 0) || telemetryRateHz > 200) {
            throw new IllegalArgumentException("telemetry rate must be in (0, 200] Hz, got " + telemetryRateHz);
        }
        if (windSpeedMps < 0 || gustMps < 0) {
            throw new IllegalArgumentException("wind and gust speeds must be >= 0");
        }
        if (groundStationSystemId < 1 || groundStationSystemId > 255) {
            throw new IllegalArgumentException("ground station system id must be 1..255, got " + groundStationSystemId);
        }
    }

    public VehicleConfig withSystemId(int id) {
        return new VehicleConfig(id, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed + id, timeFactor, telemetryRateHz, signing, groundStationSystemId);
    }

    public VehicleConfig withHome(double latDeg, double lonDeg) {
        return new VehicleConfig(systemId, latDeg, lonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed, timeFactor, telemetryRateHz, signing, groundStationSystemId);
    }

    public VehicleConfig withTimeFactor(double factor) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed, factor, telemetryRateHz, signing, groundStationSystemId);
    }

    public VehicleConfig withTelemetryRate(double hz) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed, timeFactor, hz, signing, groundStationSystemId);
    }

    public VehicleConfig withWind(double fromDeg, double speedMps, double gust) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, fromDeg, speedMps,
                gust, seed, timeFactor, telemetryRateHz, signing, groundStationSystemId);
    }

    public VehicleConfig withDock(DockProfile profile) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, profile, windFromDeg, windSpeedMps,
                gustMps, seed, timeFactor, telemetryRateHz, signing, groundStationSystemId);
    }

    /** The seed of the gusts and injected loss; each vehicle of a fleet adds its system id to it. */
    public VehicleConfig withSeed(long newSeed) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, newSeed, timeFactor, telemetryRateHz, signing, groundStationSystemId);
    }

    public VehicleConfig withSigning(MavlinkSigning key) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed, timeFactor, telemetryRateHz, key, groundStationSystemId);
    }

    public VehicleConfig withGroundStationSystemId(int id) {
        return new VehicleConfig(systemId, homeLatDeg, homeLonDeg, homeAltitudeAmslM, aircraft, dock, windFromDeg, windSpeedMps,
                gustMps, seed, timeFactor, telemetryRateHz, signing, id);
    }
}
