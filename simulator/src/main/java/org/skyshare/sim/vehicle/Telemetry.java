package org.skyshare.sim.vehicle;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavBatteryFunction;
import io.dronefleet.mavlink.common.MavBatteryType;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.common.MavSysStatusSensor;
import io.dronefleet.mavlink.common.MavVtolState;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionState;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The telemetry messages a PX4 multicopter streams, built from a {@link VehicleState}. Flight
 * modes use PX4's custom mode encoding (main mode in bits 16-23, sub mode in 24-31), so
 * QGroundControl and the station read them as they would from a real PX4.
 */
final class Telemetry {
    static final int PX4_MAIN_AUTO = 4;
    static final int PX4_AUTO_READY = 1;
    static final int PX4_AUTO_TAKEOFF = 2;
    static final int PX4_AUTO_LOITER = 3;
    static final int PX4_AUTO_MISSION = 4;
    static final int PX4_AUTO_RTL = 5;
    static final int PX4_AUTO_LAND = 6;

    private static final int SENSORS = 1 | 2 | 4 | 8 | 32 | 0x4000 | 0x8000;

    private Telemetry() {
    }

    static long px4CustomMode(FlightPhase phase) {
        int sub = switch (phase) {
            case TAKEOFF -> PX4_AUTO_TAKEOFF;
            case MISSION -> PX4_AUTO_MISSION;
            case RETURN -> PX4_AUTO_RTL;
            case LAND -> PX4_AUTO_LAND;
            default -> PX4_AUTO_LOITER;
        };
        return ((long) PX4_MAIN_AUTO << 16) | ((long) sub << 24);
    }

    static Heartbeat heartbeat(VehicleState s, boolean failsafe) {
        int base = 1 | 4 | 8 | 16 | (s.armed() ? 128 : 0);
        MavState status = failsafe ? MavState.MAV_STATE_CRITICAL : s.airborne() ? MavState.MAV_STATE_ACTIVE : MavState.MAV_STATE_STANDBY;
        return Heartbeat.builder()
                .type(MavType.MAV_TYPE_QUADROTOR)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .baseMode(EnumValue.create(MavModeFlag.class, base))
                .customMode(px4CustomMode(s.phase()))
                .systemStatus(status)
                .mavlinkVersion(3)
                .build();
    }

    static long timeBootMs(VehicleState s) {
        return (long) (s.simTimeS() * 1000) & 0xffffffffL;
    }

    static GlobalPositionInt position(VehicleState s, double veMps, double vnMps, double vuMps) {
        return GlobalPositionInt.builder()
                .timeBootMs(timeBootMs(s))
                .lat((int) Math.round(s.latDeg() * 1e7))
                .lon((int) Math.round(s.lonDeg() * 1e7))
                .alt((int) Math.round(s.altitudeAmslM() * 1000))
                .relativeAlt((int) Math.round(s.relativeAltM() * 1000))
                .vx((int) Math.round(vnMps * 100))
                .vy((int) Math.round(veMps * 100))
                .vz((int) Math.round(-vuMps * 100))
                .hdg((int) Math.round(s.headingDeg() * 100) % 36000)
                .build();
    }

    static Attitude attitude(VehicleState s) {
        double yaw = s.headingDeg() > 180 ? s.headingDeg() - 360 : s.headingDeg();
        return Attitude.builder()
                .timeBootMs(timeBootMs(s))
                .roll((float) Math.toRadians(s.rollDeg()))
                .pitch((float) Math.toRadians(s.pitchDeg()))
                .yaw((float) Math.toRadians(yaw))
                .build();
    }

    static VfrHud vfrHud(VehicleState s, double airspeedMps) {
        return VfrHud.builder()
                .airspeed((float) airspeedMps)
                .groundspeed((float) s.groundSpeedMps())
                .heading((int) Math.round(s.headingDeg()) % 360)
                .throttle(s.airborne() ? 55 : 0)
                .alt((float) s.altitudeAmslM())
                .climb((float) s.climbRateMps())
                .build();
    }

    static GpsRawInt gps(VehicleState s) {
        return GpsRawInt.builder()
                .timeUsec(BigInteger.valueOf((long) (s.simTimeS() * 1e6)))
                .fixType(s.gpsFix() ? GpsFixType.GPS_FIX_TYPE_3D_FIX : GpsFixType.GPS_FIX_TYPE_NO_FIX)
                .lat((int) Math.round(s.latDeg() * 1e7))
                .lon((int) Math.round(s.lonDeg() * 1e7))
                .alt((int) Math.round(s.altitudeAmslM() * 1000))
                .eph(s.gpsFix() ? 80 : 9999)
                .epv(s.gpsFix() ? 120 : 9999)
                .vel((int) Math.round(s.groundSpeedMps() * 100))
                .cog((int) Math.round(s.headingDeg() * 100) % 36000)
                .satellitesVisible(s.gpsFix() ? 14 : 0)
                .build();
    }

    static double voltageV(double pct) {
        // a 4S pack between 14.0 V empty and 16.8 V full
        return 14.0 + 2.8 * pct / 100.0;
    }

    static SysStatus sysStatus(VehicleState s) {
        int health = s.gpsFix() ? SENSORS : SENSORS & ~32;
        return SysStatus.builder()
                .onboardControlSensorsPresent(EnumValue.create(MavSysStatusSensor.class, SENSORS))
                .onboardControlSensorsEnabled(EnumValue.create(MavSysStatusSensor.class, SENSORS))
                .onboardControlSensorsHealth(EnumValue.create(MavSysStatusSensor.class, health))
                .load(250)
                .voltageBattery((int) Math.round(voltageV(s.batteryPct()) * 1000))
                .currentBattery(s.armed() ? 2200 : 0)
                .batteryRemaining((int) Math.round(s.batteryPct()))
                .build();
    }

    static BatteryStatus battery(VehicleState s, double enduranceMin) {
        List<Integer> cells = new ArrayList<>();
        cells.add((int) Math.round(voltageV(s.batteryPct()) * 1000));
        for (int i = 1; i < 10; i++) {
            cells.add(65535);
        }
        int remainingS = (int) Math.round(s.batteryPct() / 100.0 * enduranceMin * 60);
        return BatteryStatus.builder()
                .id(0)
                .batteryFunction(MavBatteryFunction.MAV_BATTERY_FUNCTION_ALL)
                .type(MavBatteryType.MAV_BATTERY_TYPE_LIPO)
                .temperature(Short.MAX_VALUE)
                .voltages(cells)
                .currentBattery(s.armed() ? 2200 : 0)
                .currentConsumed(-1)
                .energyConsumed(-1)
                .batteryRemaining((int) Math.round(s.batteryPct()))
                .timeRemaining(remainingS)
                .build();
    }

    static ExtendedSysState extendedState(VehicleState s) {
        MavLandedState landed = switch (s.phase()) {
            case TAKEOFF -> MavLandedState.MAV_LANDED_STATE_TAKEOFF;
            case LAND -> MavLandedState.MAV_LANDED_STATE_LANDING;
            case MISSION, HOLD, RETURN -> MavLandedState.MAV_LANDED_STATE_IN_AIR;
            default -> MavLandedState.MAV_LANDED_STATE_ON_GROUND;
        };
        return ExtendedSysState.builder().vtolState(MavVtolState.MAV_VTOL_STATE_UNDEFINED).landedState(landed).build();
    }

    static MissionCurrent missionCurrent(VehicleState s, int total, boolean finished) {
        MissionState state;
        if (total == 0) {
            state = MissionState.MISSION_STATE_NO_MISSION;
        } else if (finished) {
            state = MissionState.MISSION_STATE_COMPLETE;
        } else if (s.phase() == FlightPhase.MISSION) {
            state = MissionState.MISSION_STATE_ACTIVE;
        } else if (s.phase() == FlightPhase.HOLD) {
            state = MissionState.MISSION_STATE_PAUSED;
        } else {
            state = MissionState.MISSION_STATE_NOT_STARTED;
        }
        return MissionCurrent.builder().seq(Math.max(0, s.missionSeq())).total(total).missionState(state).build();
    }

    static HomePosition home(VehicleConfig cfg) {
        return HomePosition.builder()
                .latitude((int) Math.round(cfg.homeLatDeg() * 1e7))
                .longitude((int) Math.round(cfg.homeLonDeg() * 1e7))
                .altitude((int) Math.round(cfg.homeAltitudeAmslM() * 1000))
                .q(List.of(1f, 0f, 0f, 0f))
                .build();
    }

    static GimbalDeviceAttitudeStatus gimbal(VehicleState s) {
        // quaternion of (roll 0, pitch, yaw relative to the vehicle), Z-Y-X order
        double p = Math.toRadians(s.gimbalPitchDeg()) / 2;
        double y = Math.toRadians(s.gimbalYawDeg()) / 2;
        float w = (float) (Math.cos(p) * Math.cos(y));
        float x = (float) (-Math.sin(p) * Math.sin(y));
        float yq = (float) (Math.sin(p) * Math.cos(y));
        float z = (float) (Math.cos(p) * Math.sin(y));
        return GimbalDeviceAttitudeStatus.builder()
                .timeBootMs(timeBootMs(s))
                .q(List.of(w, x, yq, z))
                .build();
    }
}
