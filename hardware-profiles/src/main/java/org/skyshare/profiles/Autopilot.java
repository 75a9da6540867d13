package org.skyshare.profiles;

/** Flight stack family; decides which MAVLink dialect details and failsafe parameters apply. */
public enum Autopilot {
    PX4, ARDUPILOT, DJI, AUTEL, SIM
}
