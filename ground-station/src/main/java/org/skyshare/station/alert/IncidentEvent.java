package org.skyshare.station.alert;

import java.time.Instant;

/**
 * One step of an incident's life: who moved it where and when.
 *
 * @param agency the agency the step concerns, null for the incident as a whole
 * @param actor  "auto" for the station's own decisions, else the person or agency account
 */
public record IncidentEvent(String incidentId, IncidentState state, String agency, String actor, Instant at,
                            String note) {
}
