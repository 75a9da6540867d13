package org.skyshare.station.patrol;

/** How a patrol is triggered, as docks define their tasks. */
public enum PatrolKind {
    /** Once, as soon as a dock and aircraft are ready. */
    IMMEDIATE,
    /** Every period, inside its daily time window. */
    TIMED,
    /** Like timed, but only while the fire-danger level is at least the patrol's threshold. */
    CONDITIONAL
}
