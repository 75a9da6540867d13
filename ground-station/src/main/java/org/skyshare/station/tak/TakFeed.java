package org.skyshare.station.tak;

import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.EvidenceLinker;
import org.skyshare.station.alert.EvidenceResource;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.store.AlertRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the crews' TAK maps in step with the incidents: when an incident is dispatched or updated
 * its marker and area go to the TAK sinks of every crew of every agency alerted; when it is
 * resolved or withdrawn they are deleted. Sending runs on its own thread, so a slow TAK Server
 * never holds up the alert pipeline (the MQTT outbox stays the record of what was sent).
 */
public final class TakFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TakFeed.class);
    private final AlertService alerts;
    private final Map<String, List<TakSink>> sinksByCrew;
    private final EvidenceLinker evidence;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tak-feed");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param sinksByCrew each crew's TAK sinks (a TAK Server stream, SA multicast)
     * @param evidence    makes the agency's evidence link for the marker; null for none
     */
    public TakFeed(AlertService alerts, Map<String, List<TakSink>> sinksByCrew, EvidenceLinker evidence, Clock clock) {
        this.alerts = alerts;
        this.sinksByCrew = Map.copyOf(sinksByCrew);
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Starts following the alert service's incidents. */
    public TakFeed start() {
        alerts.onIncidentChanged(this::changed);
        return this;
    }

    void changed(Incident inc) {
        IncidentState s = inc.state();
        boolean current = s == IncidentState.DISPATCHED || s == IncidentState.ACKNOWLEDGED;
        if (!current && !s.isClosed()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, AlertRecord> latestByAgency = new LinkedHashMap<>();
        for (AlertRecord a : alerts.alerts(inc.id())) {
            latestByAgency.merge(a.agency(), a, (x, y) -> y.revision() >= x.revision() ? y : x);
        }
        String station = alerts.settings().stationId();
        Set<TakSink> done = new LinkedHashSet<>();
        // a closed incident that was never dispatched has no alerts, so nothing was drawn and nothing is deleted
        for (AlertRecord a : latestByAgency.values()) {
            List<CotEvent> events;
            if (current) {
                String link = null;
                if (evidence != null) {
                    link = evidence.resources(inc, a.agency(), now).stream().map(EvidenceResource::uri)
                            .filter(u -> u != null).findFirst().orElse(null);
                }
                events = TakEvents.current(station, inc, a.id(), link, now);
            } else {
                events = TakEvents.removed(station, inc.id(), now);
            }
            for (String crew : alerts.settings().crews().getOrDefault(a.agency(), List.of())) {
                for (TakSink sink : sinksByCrew.getOrDefault(crew, List.of())) {
                    if (done.add(sink)) {
                        sender.execute(() -> events.forEach(sink::send));
                    }
                }
            }
        }
        LOG.debug("incident {} ({}) sent to {} TAK sink(s)", inc.id(), s, done.size());
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sinksByCrew.values().stream().flatMap(List::stream).distinct().forEach(TakSink::close);
    }
}
