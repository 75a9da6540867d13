package org.skyshare.station.store;

import java.time.Instant;

/**
 * One alert as sent to one agency (a CAP message, with its GeoJSON twin).
 *
 * @param id            the CAP identifier
 * @param msgType       CAP msgType: Alert, Update or Cancel
 * @param referencesIds CAP references of an Update/Cancel ("sender,identifier,sent" ...), null for an Alert
 * @param state         DISPATCHED, ACKNOWLEDGED, ON_SITE or RESOLVED
 * @param acceptedAt    when the broker accepted the CAP message, null while waiting in the outbox
 */
public record AlertRecord(String id, String incidentId, String agency, int revision, String msgType,
                          String referencesIds, String state, Instant createdAt, Instant acceptedAt) {
}
