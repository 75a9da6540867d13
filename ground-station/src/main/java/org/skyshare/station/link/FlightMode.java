package org.skyshare.station.link;

/** Flight modes the station reasons about, decoded from PX4 or ArduPilot heartbeats. */
public enum FlightMode {
    UNKNOWN, MANUAL, STABILIZED, ALTITUDE, POSITION, READY, TAKEOFF, HOLD, MISSION, RETURN, LAND, OFFBOARD, GUIDED;

    /** MAV_AUTOPILOT values the decoder knows. */
    public static final int AUTOPILOT_ARDUPILOT = 3;
    public static final int AUTOPILOT_PX4 = 12;

    /** From HEARTBEAT: autopilot, base_mode and custom_mode. */
    public static FlightMode fromHeartbeat(int autopilot, int baseMode, long customMode) {
        if ((baseMode & 1) == 0) {
            return UNKNOWN;
        }
        if (autopilot == AUTOPILOT_PX4) {
            int main = (int) ((customMode >> 16) & 0xff);
            int sub = (int) ((customMode >> 24) & 0xff);
            return switch (main) {
                case 1 -> MANUAL;
                case 2 -> ALTITUDE;
                case 3 -> POSITION;
                case 4 -> switch (sub) {
                    case 1 -> READY;
                    case 2 -> TAKEOFF;
                    case 3 -> HOLD;
                    case 4 -> MISSION;
                    case 5 -> RETURN;
                    case 6 -> LAND;
                    default -> UNKNOWN;
                };
                case 6 -> OFFBOARD;
                case 7 -> STABILIZED;
                default -> UNKNOWN;
            };
        }
        if (autopilot == AUTOPILOT_ARDUPILOT) {
            // ArduCopter mode numbers
            return switch ((int) customMode) {
                case 0 -> STABILIZED;
                case 2 -> ALTITUDE;
                case 3 -> MISSION;
                case 4 -> GUIDED;
                case 5, 16, 17 -> HOLD;
                case 6, 21 -> RETURN;
                case 9 -> LAND;
                default -> UNKNOWN;
            };
        }
        return UNKNOWN;
    }
}
