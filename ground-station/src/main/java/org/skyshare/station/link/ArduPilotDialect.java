package org.skyshare.station.link;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * ArduPilot (ArduCopter) as it is, measured against its own SITL firmware:
 * <ul>
 * <li>mission seq 0 is home, so the station's item k is the firmware's k + 1 (a take-off at seq 0
 * makes AUTO refuse with "Missing Takeoff Cmd");</li>
 * <li>modes are custom modes set with DO_SET_MODE: GUIDED 4, AUTO 3, RTL 6, LAND 9, BRAKE 17;
 * arming is refused in AUTO, so the station arms in GUIDED and MISSION_START switches to AUTO;</li>
 * <li>a pause (DO_PAUSE_CONTINUE 0) keeps the firmware in AUTO, so the link remembers it and shows HOLD;</li>
 * <li>the 2023 firmware aborts on NaN latitude/longitude in a COMMAND_LONG: take-off and land send 0
 * ("here" for ArduPilot);</li>
 * <li>an uploaded fence is enforced only with FENCE_ENABLE=1, and FENCE_TYPE must include polygons.</li>
 * </ul>
 */
final class ArduPilotDialect implements AutopilotDialect {
    static final int DO_DIGICAM_CONTROL = 203;
    static final int MODE_AUTO = 3;
    static final int MODE_GUIDED = 4;
    static final int MODE_RTL = 6;
    static final int MODE_LAND = 9;
    static final int MODE_BRAKE = 17;
    /**
     * FENCE_TYPE 4: the polygons the station uploads. Not 2, the circle round home (300 m by default), which would cut
     * sorties short, nor 1, the maximum altitude (100 m by default), under the planner's 120 m ceiling: a breach of
     * either sends the drone home mid-sortie. The altitude ceiling is the planner's to keep.
     */
    static final float FENCE_TYPE_POLYGONS = 4;

    private volatile boolean paused;
    private volatile FlightMode lastReported = FlightMode.UNKNOWN;

    @Override
    public Autopilot autopilot() {
        return Autopilot.ARDUPILOT;
    }

    @Override
    public int reservedMissionSlots() {
        return 1;
    }

    @Override
    public List<MissionItem> toVehicleMission(List<MissionItem> stationItems, Home home) {
        List<MissionItem> out = new ArrayList<>(stationItems.size() + 1);
        // the firmware overwrites slot 0 with its own home; what is sent there only has to be a valid waypoint
        double lat = home == null ? 0 : home.latDeg();
        double lon = home == null ? 0 : home.lonDeg();
        double alt = home == null ? 0 : home.altitudeAmslM();
        out.add(new MissionItem(0, 0, MavCmd.NAV_WAYPOINT, 0, 0, 0, 0, lat, lon, (float) alt, true));
        for (MissionItem it : stationItems) {
            out.add(inArduPilotTerms(it).withSeq(out.size()));
        }
        return out;
    }

    /**
     * The 2023 firmware refuses IMAGE_START_CAPTURE inside a mission and may not know the gimbal
     * manager: a photo is DO_DIGICAM_CONTROL (shoot = 1, carried in x as an integer) and a gimbal
     * angle DO_MOUNT_CONTROL (mode 2, MAVLink targeting, in z), which every ArduPilot version flies.
     */
    static MissionItem inArduPilotTerms(MissionItem it) {
        if (it.command() == MavCmd.IMAGE_START_CAPTURE) {
            return new MissionItem(it.seq(), 2, DO_DIGICAM_CONTROL, 0, 0, 0, 0, 1e-7, 0, 0, it.autocontinue());
        }
        if (it.command() == MavCmd.DO_GIMBAL_MANAGER_PITCHYAW) {
            return new MissionItem(it.seq(), 2, MavCmd.DO_MOUNT_CONTROL, it.param1(), 0, Float.isNaN(it.param2()) ? 0 : it.param2(),
                    0, 0, 0, 2, it.autocontinue());
        }
        return it;
    }

    @Override
    public Map<String, Float> fenceParameters(boolean enforce) {
        Map<String, Float> p = new LinkedHashMap<>();
        if (enforce) {
            p.put("FENCE_TYPE", FENCE_TYPE_POLYGONS);
        }
        p.put("FENCE_ENABLE", enforce ? 1f : 0f);
        return p;
    }

    @Override
    public FlightMode shownMode(FlightMode reported) {
        if (reported != lastReported) {
            lastReported = reported;
            if (reported != FlightMode.MISSION) {
                paused = false; // any mode change ends a pause inside AUTO
            }
        }
        return paused && reported == FlightMode.MISSION ? FlightMode.HOLD : reported;
    }

    @Override
    public ActionPlugin actions(CommandSender c, java.util.function.Supplier<Home> home) {
        return new ActionPlugin() {
            private CompletableFuture<Void> mode(int customMode, String name) {
                return c.command(MavCommands.DO_SET_MODE, "mode " + name, MavCommands.CUSTOM_MODE_ENABLED, customMode);
            }

            @Override
            public CompletableFuture<Void> arm() {
                return mode(MODE_GUIDED, "GUIDED").thenCompose(v -> c.command(MavCommands.ARM_DISARM, "ARM", 1));
            }

            @Override
            public CompletableFuture<Void> disarm() {
                return c.command(MavCommands.ARM_DISARM, "DISARM", 0);
            }

            @Override
            public CompletableFuture<Void> takeoff(double altitudeM) {
                return mode(MODE_GUIDED, "GUIDED")
                        .thenCompose(v -> c.command(MavCommands.NAV_TAKEOFF, "TAKEOFF", 0, 0, 0, 0, 0, 0, (float) altitudeM));
            }

            @Override
            public CompletableFuture<Void> startMission() {
                return c.command(MavCommands.MISSION_START, "MISSION_START", 0, 0).thenRun(() -> paused = false);
            }

            @Override
            public CompletableFuture<Void> hold() {
                if (lastReported == FlightMode.MISSION) {
                    return c.command(MavCommands.DO_PAUSE_CONTINUE, "HOLD (DO_PAUSE_CONTINUE 0)", 0).thenRun(() -> paused = true);
                }
                return mode(MODE_BRAKE, "BRAKE");
            }

            @Override
            public CompletableFuture<Void> resume() {
                if (paused && lastReported == FlightMode.MISSION) {
                    return c.command(MavCommands.DO_PAUSE_CONTINUE, "RESUME (DO_PAUSE_CONTINUE 1)", 1).thenRun(() -> paused = false);
                }
                return mode(MODE_AUTO, "AUTO");
            }

            @Override
            public CompletableFuture<Void> returnToLaunch() {
                return mode(MODE_RTL, "RTL");
            }

            @Override
            public CompletableFuture<Void> land() {
                return mode(MODE_LAND, "LAND");
            }
        };
    }
}
