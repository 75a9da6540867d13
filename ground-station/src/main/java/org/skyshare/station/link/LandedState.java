package org.skyshare.station.link;

public enum LandedState {
    UNKNOWN, ON_GROUND, IN_AIR, TAKING_OFF, LANDING
}
