package org.skyshare.planner.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.profiles.Autopilot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sortie as MAVLink mission items (MISSION_ITEM_INT semantics): take-off at the dock, the
 * waypoints with their camera and gimbal commands, landing on the dock. The station uploads these.
 */
public final class MissionItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MissionItems() {
    }

    public static List<MissionItem> of(Sortie sortie, Autopilot autopilot) {
        return traced(sortie, autopilot).items();
    }

    /**
     * The items and, for each, the index of the sortie waypoint it comes from (a gimbal or camera
     * command belongs to the waypoint it is issued at), so exporters can group items by pass.
     */
    public record Traced(List<MissionItem> items, List<Integer> waypointIndex) {
    }

    public static Traced traced(Sortie sortie, Autopilot autopilot) {
        List<MissionItem> out = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        List<Waypoint> wps = sortie.waypoints();
        if (wps.isEmpty()) {
            return new Traced(out, from);
        }
        Waypoint home = wps.get(0);
        // yaw NaN: keep the heading the aircraft has on the dock (0 would turn a PX4 vehicle north)
        out.add(nav(out.size(), MavCmd.NAV_TAKEOFF, 0, Float.NaN, home));
        from.add(0);
        double pitch = Double.NaN;
        for (int i = 1; i < wps.size(); i++) {
            while (from.size() < out.size()) {
                from.add(i - 1);
            }
            Waypoint w = wps.get(i);
            // a corridor point with its own camera pitch points the gimbal once, where the pitch changes
            if (w.action() == WaypointAction.PASS && Double.isFinite(w.gimbalPitchDeg()) && w.gimbalPitchDeg() != pitch) {
                out.add(gimbal(out.size(), (float) w.gimbalPitchDeg(), autopilot));
            }
            if (w.action() == WaypointAction.SURVEY_START || w.action() == WaypointAction.INSPECT || w.action() == WaypointAction.PASS) {
                pitch = Double.isFinite(w.gimbalPitchDeg()) ? w.gimbalPitchDeg() : w.action() == WaypointAction.SURVEY_START ? -90 : pitch;
            }
            switch (w.action()) {
                case LAND -> out.add(new MissionItem(out.size(), MissionItem.FRAME_GLOBAL_RELATIVE_ALT, MavCmd.NAV_LAND, 0, 0, 0, Float.NaN,
                        w.latDeg(), w.lonDeg(), 0, true));
                case SURVEY_START -> {
                    // every capturing pass points the gimbal itself, so a pass flown alone (or resumed) still looks down
                    out.add(gimbal(out.size(), Double.isFinite(w.gimbalPitchDeg()) ? (float) w.gimbalPitchDeg() : -90, autopilot));
                    out.add(nav(out.size(), MavCmd.NAV_WAYPOINT, 0, Float.NaN, w));
                    out.add(cmd(out.size(), MavCmd.DO_SET_CAM_TRIGG_DIST, (float) w.triggerDistanceM(), 0, 1, 0));
                }
                case SURVEY_END -> {
                    out.add(nav(out.size(), MavCmd.NAV_WAYPOINT, 0, Float.NaN, w));
                    out.add(cmd(out.size(), MavCmd.DO_SET_CAM_TRIGG_DIST, 0, 0, 0, 0));
                }
                case INSPECT -> {
                    out.add(gimbal(out.size(), (float) w.gimbalPitchDeg(), autopilot));
                    out.add(nav(out.size(), MavCmd.NAV_WAYPOINT, (float) w.holdS(), (float) w.headingDeg(), w));
                    out.add(cmd(out.size(), MavCmd.IMAGE_START_CAPTURE, 0, 0, 1, 0));
                }
                case PASS, FLY, TAKEOFF -> out.add(nav(out.size(), MavCmd.NAV_WAYPOINT, (float) w.holdS(), Float.NaN, w));
            }
        }
        while (from.size() < out.size()) {
            from.add(wps.size() - 1);
        }
        return new Traced(out, from);
    }

    private static MissionItem nav(int seq, int command, float hold, float yawDeg, Waypoint w) {
        return new MissionItem(seq, MissionItem.FRAME_GLOBAL_RELATIVE_ALT, command, hold, 0, 0, yawDeg, w.latDeg(), w.lonDeg(),
                (float) w.altM(), true);
    }

    private static MissionItem cmd(int seq, int command, float p1, float p2, float p3, float p4) {
        return new MissionItem(seq, MissionItem.FRAME_MISSION, command, p1, p2, p3, p4, 0, 0, 0, true);
    }

    /** MAV_MOUNT_MODE_MAVLINK_TARGETING: the mount follows the angles of the command (0 would retract it). */
    public static final int MOUNT_MODE_MAVLINK_TARGETING = 2;

    /**
     * ArduPilot points the gimbal with DO_MOUNT_CONTROL (param7 = mount mode, MAVLink targeting); PX4
     * and the others with the gimbal manager.
     */
    private static MissionItem gimbal(int seq, float pitchDeg, Autopilot autopilot) {
        if (autopilot == Autopilot.ARDUPILOT) {
            return new MissionItem(seq, MissionItem.FRAME_MISSION, MavCmd.DO_MOUNT_CONTROL, pitchDeg, 0, 0, 0, 0, 0,
                    MOUNT_MODE_MAVLINK_TARGETING, true);
        }
        return cmd(seq, MavCmd.DO_GIMBAL_MANAGER_PITCHYAW, pitchDeg, 0, Float.NaN, Float.NaN);
    }

    /** Writes items as a JSON array (NaN parameters as null). */
    public static String toJson(List<MissionItem> items) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items.stream().map(MissionItems::row).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Map<String, Object> row(MissionItem m) {
        java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("seq", m.seq());
        r.put("frame", m.frame());
        r.put("command", m.command());
        r.put("param1", num(m.param1()));
        r.put("param2", num(m.param2()));
        r.put("param3", num(m.param3()));
        r.put("param4", num(m.param4()));
        r.put("latDeg", m.latDeg());
        r.put("lonDeg", m.lonDeg());
        r.put("altM", m.altM());
        r.put("autocontinue", m.autocontinue());
        return r;
    }

    static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    /** Reads items written by {@link #toJson} (e.g. {@code missions/<sortie>.json} of an exported plan). */
    public static List<MissionItem> read(Path file) {
        try {
            List<java.util.Map<String, Object>> rows = JSON.readValue(file.toFile(), new TypeReference<>() {
            });
            List<MissionItem> out = new ArrayList<>();
            for (var r : rows) {
                out.add(new MissionItem(((Number) r.get("seq")).intValue(), ((Number) r.get("frame")).intValue(),
                        ((Number) r.get("command")).intValue(), f(r.get("param1")), f(r.get("param2")), f(r.get("param3")), f(r.get("param4")),
                        ((Number) r.get("latDeg")).doubleValue(), ((Number) r.get("lonDeg")).doubleValue(), f(r.get("altM")),
                        Boolean.TRUE.equals(r.get("autocontinue"))));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ExportException(file + ": not a mission item list (" + e.getMessage() + ")");
        }
    }

    private static float f(Object o) {
        return o == null ? Float.NaN : ((Number) o).floatValue();
    }
}
