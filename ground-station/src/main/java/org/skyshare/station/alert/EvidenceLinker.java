package org.skyshare.station.alert;

import java.time.Instant;
import java.util.List;

/** Turns an incident's evidence into CAP resources one agency can open (a signed https link, a thumbnail). */
public interface EvidenceLinker {
    /** The resources for {@code agency}'s alert sent at {@code sent}; empty when the incident has no evidence. */
    List<EvidenceResource> resources(Incident incident, String agency, Instant sent);
}
