package org.skyshare.station.link;

/** The flight-control firmware on the other end of a link, from HEARTBEAT.autopilot (MAV_AUTOPILOT). */
public enum Autopilot {
    /** Not heard yet, or a firmware the station has no dialect for (it is flown as PX4, MAVLink's reference behaviour). */
    UNKNOWN,
    /** MAV_AUTOPILOT_ARDUPILOTMEGA (3): ArduCopter and the other ArduPilot vehicles. */
    ARDUPILOT,
    /** MAV_AUTOPILOT_PX4 (12). */
    PX4;

    public static Autopilot fromHeartbeat(int mavAutopilot) {
        return switch (mavAutopilot) {
            case FlightMode.AUTOPILOT_ARDUPILOT -> ARDUPILOT;
            case FlightMode.AUTOPILOT_PX4 -> PX4;
            default -> UNKNOWN;
        };
    }
}
