package org.skyshare.sim.vehicle;

/** What the autopilot tells the ground: status texts and mission items reached. */
sealed interface AutopilotEvent {
    /** @param severity MAV_SEVERITY (2 critical, 4 warning, 6 info) */
    record StatusText(int severity, String text) implements AutopilotEvent {
    }

    record ItemReached(int seq) implements AutopilotEvent {
    }
}
