package org.skyshare.sim.vehicle;

/** Outcome of a command, mapped one to one to MAV_RESULT. */
enum CommandResult {
    ACCEPTED, TEMPORARILY_REJECTED, DENIED, UNSUPPORTED, FAILED
}
