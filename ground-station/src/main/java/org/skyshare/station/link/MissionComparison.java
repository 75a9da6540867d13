package org.skyshare.station.link;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.List;
import java.util.Optional;

/**
 * Compares the mission the station sent with the one read back, by meaning rather than bit for
 * bit: firmwares store coordinates as degrees x 1e7 and altitudes in centimetres (ArduPilot), give
 * 0 for a NaN they do not keep, swap a frame for its _INT twin, and ignore a position where the
 * command has none (return to launch, DO items). The home slot is removed by the link before this.
 */
public final class MissionComparison {
    private static final double DEG_TOLERANCE = 2e-7;
    private static final double ALT_TOLERANCE_M = 0.02;

    private MissionComparison() {
    }

    /** The first difference that changes what the vehicle would fly, as a sentence; empty when they agree. */
    public static Optional<String> firstDifference(List<MissionItem> sent, List<MissionItem> readBack) {
        if (sent.size() != readBack.size()) {
            return Optional.of("the vehicle holds " + readBack.size() + " items, " + sent.size() + " were sent");
        }
        for (int i = 0; i < sent.size(); i++) {
            MissionItem a = sent.get(i);
            MissionItem b = readBack.get(i);
            String where = "item " + i + " (" + CommandNames.of(a.command()) + ")";
            if (!sameCommand(a.command(), b.command())) {
                return Optional.of(where + " came back as " + CommandNames.of(b.command()));
            }
            if (hasPosition(a.command()) && (Math.abs(a.latDeg() - b.latDeg()) > DEG_TOLERANCE
                    || Math.abs(a.lonDeg() - b.lonDeg()) > DEG_TOLERANCE)) {
                return Optional.of(String.format("%s came back at %.7f, %.7f instead of %.7f, %.7f", where, b.latDeg(), b.lonDeg(),
                        a.latDeg(), a.lonDeg()));
            }
            if (hasAltitude(a.command()) && (baseFrame(a.frame()) != baseFrame(b.frame())
                    || Math.abs(a.altM() - b.altM()) > ALT_TOLERANCE_M)) {
                return Optional.of(String.format("%s came back at altitude %.2f m (frame %d) instead of %.2f m (frame %d)", where,
                        b.altM(), b.frame(), a.altM(), a.frame()));
            }
        }
        return Optional.empty();
    }

    /** A firmware may store a command as its own equivalent (ArduPilot: a photo as DO_DIGICAM_CONTROL, a gimbal angle as DO_MOUNT_CONTROL). */
    static boolean sameCommand(int sent, int stored) {
        return sent == stored
                || sent == MavCmd.IMAGE_START_CAPTURE && stored == ArduPilotDialect.DO_DIGICAM_CONTROL
                || sent == MavCmd.DO_GIMBAL_MANAGER_PITCHYAW && stored == MavCmd.DO_MOUNT_CONTROL;
    }

    public static boolean same(List<MissionItem> sent, List<MissionItem> readBack) {
        return firstDifference(sent, readBack).isEmpty();
    }

    /** Commands whose latitude/longitude say where to fly (take-off's and RTL's are ignored by firmwares). */
    static boolean hasPosition(int command) {
        return command == MavCmd.NAV_WAYPOINT || command == MavCmd.NAV_LOITER_TIME || command == MavCmd.DO_SET_ROI_LOCATION;
    }

    static boolean hasAltitude(int command) {
        return command == MavCmd.NAV_WAYPOINT || command == MavCmd.NAV_LOITER_TIME || command == MavCmd.NAV_TAKEOFF;
    }

    /** MAV_FRAME_GLOBAL_INT (5) is GLOBAL (0), GLOBAL_RELATIVE_ALT_INT (6) is GLOBAL_RELATIVE_ALT (3), GLOBAL_TERRAIN_ALT_INT (11) is 10. */
    static int baseFrame(int frame) {
        return switch (frame) {
            case 5 -> 0;
            case 6 -> 3;
            case 11 -> 10;
            default -> frame;
        };
    }
}
