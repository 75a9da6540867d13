package org.skyshare.station.link;

import io.dronefleet.mavlink.common.MavCmd;

/** MAV_CMD names for messages an operator reads ("NAV_TAKEOFF" rather than 22). */
final class CommandNames {
    private CommandNames() {
    }

    static String of(int command) {
        for (MavCmd c : MavCmd.values()) {
            if (io.dronefleet.mavlink.util.EnumValue.of(c).value() == command) {
                return c.name().replaceFirst("^MAV_CMD_", "");
            }
        }
        return "command " + command;
    }
}
