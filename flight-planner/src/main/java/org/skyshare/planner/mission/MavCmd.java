package org.skyshare.planner.mission;

/** The MAV_CMD ids Skyshare's missions use (values from the MAVLink common message set). */
public final class MavCmd {
    public static final int NAV_WAYPOINT = 16;
    public static final int NAV_LOITER_TIME = 19;
    public static final int NAV_RETURN_TO_LAUNCH = 20;
    public static final int NAV_LAND = 21;
    public static final int NAV_TAKEOFF = 22;
    public static final int CONDITION_YAW = 115;
    public static final int DO_CHANGE_SPEED = 178;
    public static final int DO_SET_ROI_LOCATION = 195;
    public static final int DO_SET_CAM_TRIGG_DIST = 206;
    public static final int DO_MOUNT_CONTROL = 205;
    public static final int DO_GIMBAL_MANAGER_PITCHYAW = 1000;
    public static final int IMAGE_START_CAPTURE = 2000;
    public static final int IMAGE_STOP_CAPTURE = 2001;
    public static final int NAV_FENCE_POLYGON_VERTEX_INCLUSION = 5001;
    public static final int NAV_FENCE_POLYGON_VERTEX_EXCLUSION = 5002;

    private MavCmd() {
    }
}
