package org.skyshare.station.alert;

import java.time.Instant;
import java.util.List;

/**
 * The content of one CAP 1.2 alert message for one agency.
 *
 * @param msgType    Alert, Update or Cancel
 * @param references for an Update or Cancel: the "sender,identifier,sent" triples of earlier messages
 * @param status     CAP status: Actual, Exercise, System, Test or Draft
 * @param certainty  CAP certainty: Observed, Likely, Possible, Unlikely or Unknown
 * @param evidenceUri link to the evidence image, null for none
 */
public record CapMessage(String identifier, String sender, Instant sent, String status, String msgType,
                         String agency, List<String> references, String incidentId, Incident incident,
                         String certainty, String senderName, String evidenceUri) {
    public CapMessage {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
