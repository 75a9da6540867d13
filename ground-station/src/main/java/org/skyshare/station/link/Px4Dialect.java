package org.skyshare.station.link;

import org.skyshare.planner.mission.MissionItem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * PX4, and MAVLink's reference behaviour for firmwares without a dialect of their own: the mission
 * starts at seq 0, take-off and land take NaN for "here", pause is DO_PAUSE_CONTINUE, and an
 * uploaded geofence is enforced as uploaded (GF_ACTION decides what a breach does).
 */
final class Px4Dialect implements AutopilotDialect {
    private final Autopilot autopilot;

    Px4Dialect(Autopilot autopilot) {
        this.autopilot = autopilot;
    }

    @Override
    public Autopilot autopilot() {
        return autopilot;
    }

    @Override
    public int reservedMissionSlots() {
        return 0;
    }

    @Override
    public List<MissionItem> toVehicleMission(List<MissionItem> stationItems, Home home) {
        return stationItems;
    }

    @Override
    public Map<String, Float> fenceParameters(boolean enforce) {
        return Map.of();
    }

    @Override
    public FlightMode shownMode(FlightMode reported) {
        return reported;
    }

    @Override
    public ActionPlugin actions(CommandSender c, java.util.function.Supplier<Home> home) {
        return new ActionPlugin() {
            @Override
            public CompletableFuture<Void> arm() {
                return c.command(MavCommands.ARM_DISARM, "ARM", 1);
            }

            @Override
            public CompletableFuture<Void> disarm() {
                return c.command(MavCommands.ARM_DISARM, "DISARM", 0);
            }

            @Override
            public CompletableFuture<Void> takeoff(double altitudeM) {
                // PX4 reads param7 as altitude above mean sea level (NaN: its MIS_TAKEOFF_ALT above home)
                Home h = home.get();
                float amsl = h == null ? Float.NaN : (float) (h.altitudeAmslM() + altitudeM);
                return c.command(MavCommands.NAV_TAKEOFF, "TAKEOFF", 0, 0, 0, Float.NaN, Float.NaN, Float.NaN, amsl);
            }

            @Override
            public CompletableFuture<Void> startMission() {
                return c.command(MavCommands.MISSION_START, "MISSION_START", 0, 0);
            }

            @Override
            public CompletableFuture<Void> hold() {
                return c.command(MavCommands.DO_PAUSE_CONTINUE, "HOLD (DO_PAUSE_CONTINUE 0)", 0);
            }

            @Override
            public CompletableFuture<Void> resume() {
                return c.command(MavCommands.DO_PAUSE_CONTINUE, "RESUME (DO_PAUSE_CONTINUE 1)", 1);
            }

            @Override
            public CompletableFuture<Void> returnToLaunch() {
                return c.command(MavCommands.NAV_RETURN_TO_LAUNCH, "RETURN_TO_LAUNCH");
            }

            @Override
            public CompletableFuture<Void> land() {
                return c.command(MavCommands.NAV_LAND, "LAND", 0, 0, 0, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
            }
        };
    }
}
