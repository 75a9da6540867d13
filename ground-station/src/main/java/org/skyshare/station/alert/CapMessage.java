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
 * @param evidence   the evidence as CAP resources (link with size and digest, inline thumbnail); when
 *                   empty, {@code evidenceUri} alone is written as the resource
 */
public record CapMessage(String identifier, String sender, Instant sent, String status, String msgType,
                         String agency, List<String> references, String incidentId, Incident incident,
                         String certainty, String senderName, String evidenceUri, List<EvidenceResource> evidence) {
    public CapMessage {
        references = references == null ? List.of() : List.copyOf(references);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A message whose evidence is a bare link (or none). */
    public CapMessage(String identifier, String sender, Instant sent, String status, String msgType,
                      String agency, List<String> references, String incidentId, Incident incident,
                      String certainty, String senderName, String evidenceUri) {
        this(identifier, sender, sent, status, msgType, agency, references, incidentId, incident, certainty,
                senderName, evidenceUri, List.of());
    }

    /** When the alert stops being current: the hazard kind's lifetime after it was sent. */
    public Instant expires() {
        return sent.plus(incident.report().kind().alertLifetime());
    }
}
