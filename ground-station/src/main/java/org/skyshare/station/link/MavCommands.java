package org.skyshare.station.link;

/** MAV_CMD numbers the link sends as COMMAND_LONG. */
final class MavCommands {
    static final int NAV_RETURN_TO_LAUNCH = 20;
    static final int NAV_LAND = 21;
    static final int NAV_TAKEOFF = 22;
    static final int DO_SET_MODE = 176;
    static final int DO_PAUSE_CONTINUE = 193;
    static final int MISSION_START = 300;
    static final int ARM_DISARM = 400;
    static final int SET_MESSAGE_INTERVAL = 511;

    /** MAV_MODE_FLAG_CUSTOM_MODE_ENABLED: DO_SET_MODE's param1 when param2 is a custom (firmware) mode. */
    static final float CUSTOM_MODE_ENABLED = 1;

    private MavCommands() {
    }
}
