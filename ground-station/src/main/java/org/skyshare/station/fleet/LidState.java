package org.skyshare.station.fleet;

public enum LidState {
    CLOSED, OPEN
}
