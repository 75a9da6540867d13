package org.skyshare.station.fleet;

/** Something the operator should see: a state change, link lost or back, a status text, a failed step. */
public record DroneEvent(int systemId, Kind kind, DroneState state, String message) {
    public enum Kind { STATE, LINK_LOST, LINK_RESTORED, STATUS_TEXT, ERROR }
}
