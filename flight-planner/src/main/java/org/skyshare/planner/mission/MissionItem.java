package org.skyshare.planner.mission;

/**
 * One MAVLink mission item (MISSION_ITEM_INT semantics), as the planner exports it and the station
 * uploads it. Plans are plain data; the link moves them (see QGroundControl's MissionManager).
 *
 * @param seq          0-based position in the mission
 * @param frame        MAV_FRAME id (3 = GLOBAL_RELATIVE_ALT, 10 = GLOBAL_TERRAIN_ALT, 2 = MISSION)
 * @param command      MAV_CMD id, see {@link MavCmd}
 * @param param1       command-specific (e.g. hold time in s for NAV_WAYPOINT)
 * @param latDeg       WGS84 latitude, degrees (0 when the command has no position)
 * @param lonDeg       WGS84 longitude, degrees
 * @param altM         altitude in metres, in the item's frame
 * @param autocontinue continue to the next item when this one completes
 */
public record MissionItem(
        int seq,
        int frame,
        int command,
        float param1,
        float param2,
        float param3,
        float param4,
        double latDeg,
        double lonDeg,
        float altM,
        boolean autocontinue) {

    public static final int FRAME_MISSION = 2;
    public static final int FRAME_GLOBAL_RELATIVE_ALT = 3;
    public static final int FRAME_GLOBAL_TERRAIN_ALT = 10;

    public boolean hasPosition() {
        return frame != FRAME_MISSION;
    }

    public MissionItem withSeq(int newSeq) {
        return new MissionItem(newSeq, frame, command, param1, param2, param3, param4, latDeg, lonDeg, altM, autocontinue);
    }
}
