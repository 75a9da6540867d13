package org.skyshare.station.alert;

import java.time.Instant;

/**
 * An answer from an agency or crew, as received on skyshare/v1/&lt;station&gt;/acks/&lt;agency&gt;.
 *
 * @param ackId   the sender's id for this answer; a resend with the same id is stored once
 * @param alertId the CAP identifier answered
 */
public record Acknowledgement(String ackId, String alertId, String agency, AgencyAction action, String actor,
                              Instant at, String note) {
}
