package org.skyshare.station.alert;

import java.time.Instant;

/**
 * An incident as stored.
 *
 * @param id       the station's id (stable, used in CAP identifiers)
 * @param revision 0 for the first report, +1 for every update (CAP Update)
 */
public record Incident(String id, HazardReport report, IncidentState state, int revision,
                       Instant createdAt, Instant updatedAt) {
}
