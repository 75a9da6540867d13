package org.skyshare.station.console.alerts;

import java.time.Instant;

/** One step in an incident's history: detected, confirmed by X, sent to forestry, acknowledged by water... */
public record IncidentEvent(Instant at, String what, String who) {
}
