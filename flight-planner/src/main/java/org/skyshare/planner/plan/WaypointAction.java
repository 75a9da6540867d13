package org.skyshare.planner.plan;

/** What the aircraft does at a waypoint. */
public enum WaypointAction {
    /** Take off from the dock and climb to the route altitude. */
    TAKEOFF,
    /** Fly through; no payload action (transit, detour around a no-fly zone, turn). */
    FLY,
    /** Start of a photo line: the camera triggers every {@code triggerDistanceM} from here. */
    SURVEY_START,
    /** End of a photo line: the camera stops triggering. */
    SURVEY_END,
    /** Point on a corridor pass (river or power-line span); video/thermal recording continues. */
    PASS,
    /** Hover beside a tower with the gimbal pitched at it and take a photo. */
    INSPECT,
    /** Land on the dock. */
    LAND
}
