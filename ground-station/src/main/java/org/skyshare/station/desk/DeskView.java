package org.skyshare.station.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.EvidenceLinker;
import org.skyshare.station.alert.EvidenceResource;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentEvent;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.alert.CapXml;
import org.skyshare.station.store.AlertRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What one agency's desk shows: only the incidents alerted to that agency, with evidence and history. */
final class DeskView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<IncidentState> ALERTED = List.of(IncidentState.DISPATCHED, IncidentState.ACKNOWLEDGED,
            IncidentState.RESOLVED, IncidentState.DISMISSED);
    private final AlertService alerts;
    private final EvidenceLinker evidence;
    private final Clock clock;

    DeskView(AlertService alerts, EvidenceLinker evidence, Clock clock) {
        this.alerts = alerts;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The latest alert this agency got for the incident, or empty when it was never alerted. */
    Optional<AlertRecord> alertFor(String incidentId, String agency) {
        return alerts.alerts(incidentId).stream().filter(a -> a.agency().equals(agency))
                .max(Comparator.comparingInt(AlertRecord::revision));
    }

    String queue(String agency) {
        ArrayNode out = JSON.createArrayNode();
        Instant now = clock.instant();
        for (IncidentState s : ALERTED) {
            for (Incident inc : alerts.store().incidentsIn(s)) {
                Optional<AlertRecord> a = alertFor(inc.id(), agency);
                if (a.isEmpty()) {
                    continue;
                }
                HazardReport r = inc.report();
                ObjectNode o = out.addObject();
                o.put("incident", inc.id());
                o.put("alertId", a.get().id());
                o.put("alertState", a.get().state());
                o.put("state", inc.state().name());
                o.put("kind", r.kind().eventName());
                o.put("severity", r.severity().capValue());
                o.put("headline", CapXml.headline(r));
                o.put("description", CapXml.description(r));
                o.put("lat", r.position().latDeg());
                o.put("lon", r.position().lonDeg());
                o.put("radiusM", r.radiusM());
                if (r.peakTemperatureC() != null) {
                    o.put("peakTemperatureC", r.peakTemperatureC());
                }
                ArrayNode area = o.putArray("area");
                for (GeoPoint p : r.area()) {
                    area.addArray().add(p.latDeg()).add(p.lonDeg());
                }
                if (evidence != null) {
                    evidence.resources(inc, agency, now).stream().map(EvidenceResource::uri).filter(u -> u != null)
                            .findFirst().ifPresent(u -> o.put("evidence", u));
                }
                ArrayNode history = o.putArray("history");
                for (IncidentEvent e : alerts.history(inc.id())) {
                    if (e.agency() != null && !e.agency().equals(agency) && !alerts.settings().crews()
                            .getOrDefault(agency, List.of()).contains(e.agency())) {
                        continue; // another agency's answers are its own business
                    }
                    ObjectNode h = history.addObject();
                    h.put("at", CapXml.time(e.at()));
                    h.put("state", e.state().name());
                    h.put("actor", e.actor());
                    h.put("note", e.note() == null ? "" : e.note());
                }
                o.put("updated", CapXml.time(inc.updatedAt()));
            }
        }
        return out.toString();
    }
}
