package org.skyshare.station.fleet;

/** Where a docked drone is in its cycle, as the station tracks it. Link loss is a separate flag, not a state. */
public enum DroneState {
    /** In its dock, disarmed, battery full. */
    DOCKED,
    /** The station is preparing a flight: failsafes, geofence, mission upload and check, lid, arming. */
    PREFLIGHT,
    AIRBORNE,
    /** Flying home (RTL or landing at the dock), by command or by the autopilot's own failsafe. */
    RETURNING,
    /** Just landed in the dock, before the lid closes and charging starts. */
    LANDED,
    /** In the dock, charging (or waiting for a battery swap). */
    CHARGING,
    /** Something the station cannot fix by itself: landed away from the dock, GPS lost in flight, a failed launch. */
    FAULT
}
