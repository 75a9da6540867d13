package org.skyshare.station.alert;

/** Where an incident is in its life. */
public enum IncidentState {
    DETECTED,
    AWAITING_REVIEW,
    CONFIRMED,
    DISMISSED,
    DISPATCHED,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean isClosed() {
        return this == DISMISSED || this == RESOLVED;
    }
}
