package org.skyshare.station.alert;

import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingDecision;
import org.skyshare.station.store.AlertRecord;
import org.skyshare.station.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The station's alert pipeline: takes hazard reports in, runs the incident lifecycle (review,
 * auto-confirmation, dispatch per agency, acknowledgement, resolution) and puts every message for
 * agencies and crews into the outbox in the same transaction as the state change, so nothing is
 * sent that is not stored and nothing stored is lost. An {@code OutboxPublisher} then delivers the
 * outbox over MQTT.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final List<String> ALERT_STATES = List.of("DISPATCHED", "ACKNOWLEDGED", "ON_SITE", "RESOLVED");

    private final AlertStore store;
    private final Router router;
    private final AlertSettings settings;
    private final AlertTopics topics;
    private final Clock clock;
    private final List<Runnable> outboxListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Incident>> incidentListeners = new CopyOnWriteArrayList<>();
    /** Incidents reported through this service since it started; the others come from an earlier run. */
    private final Set<String> liveIncidents = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * The incidents open when this service first took a report: the only candidates a new detector
     * id can be matched to. Loaded once, so a report costs no scan of the whole table; a candidate's
     * state is read again before it is used.
     */
    private List<Incident> earlierOpen;

    /**
     * A new detector id within this distance (plus both hazards' radii) of an open incident from an
     * earlier run of the station is the same hazard seen again: the detector names a fire anew after
     * a restart, and a second CAP Alert for it would send agencies to one fire twice.
     */
    public static final double SAME_HAZARD_M = 150;
    private volatile EvidenceLinker evidenceLinker;

    /** The outcome of an answer from an agency or crew. */
    public enum AckResult { STORED, DUPLICATE }

    public AlertService(AlertStore store, Router router, AlertSettings settings, Clock clock) {
        this.store = store;
        this.router = router;
        this.settings = settings;
        this.topics = new AlertTopics(settings.stationId());
        this.clock = clock;
    }

    public AlertSettings settings() {
        return settings;
    }

    public AlertTopics topics() {
        return topics;
    }

    public AlertStore store() {
        return store;
    }

    /** From now on, alerts carry evidence as signed per-agency https links with size and digest (see station.evidence). */
    public void useEvidenceLinks(EvidenceLinker linker) {
        this.evidenceLinker = linker;
    }

    /** Called after every commit that put messages into the outbox (the publisher wakes up). */
    public void onOutboxChanged(Runnable listener) {
        outboxListeners.add(listener);
    }

    /** Called after every committed change of an incident (the console refreshes). */
    public void onIncidentChanged(Consumer<Incident> listener) {
        incidentListeners.add(listener);
    }

    // ---- lifecycle

    /**
     * Takes a finding in. A new source incident id starts an incident (awaiting review, or confirmed
     * and dispatched when its confidence reaches the auto-confirm threshold); a known one updates
     * it, and an incident already dispatched sends a CAP Update that references the first alert.
     * A dismissed or resolved incident stays closed.
     */
    public Incident report(HazardReport report) {
        HazardReport r = keepEvidence(report);
        Instant now = now();
        Incident result = store.database().inTransaction(c -> {
            Optional<Incident> existing = store.incident(c, r.sourceIncidentId());
            if (existing.isEmpty()) {
                existing = store.incidentOfSource(c, r.sourceIncidentId()).flatMap(id -> {
                    try {
                        return store.incident(c, id);
                    } catch (SQLException e) {
                        throw new org.skyshare.station.store.StoreException(e.getMessage(), e);
                    }
                });
            }
            if (existing.isEmpty()) {
                existing = openIncidentFromEarlierRun(c, r);
                if (existing.isPresent()) {
                    store.linkSource(c, r.sourceIncidentId(), existing.get().id());
                    LOG.info("{} {} is open incident {} seen again (stored before this start): it is updated, "
                            + "not alerted anew", r.kind(), r.sourceIncidentId(), existing.get().id());
                }
            }
            if (existing.isEmpty()) {
                Incident inc = new Incident(r.sourceIncidentId(), r, IncidentState.DETECTED, 0, now, now);
                store.insertIncident(c, inc);
                event(c, inc.id(), IncidentState.DETECTED, null, "detector",
                        String.format(Locale.ROOT, "%s, confidence %.2f", r.kind(), r.confidence()), now);
                if (r.confidence() >= settings.autoConfirmConfidence()) {
                    return confirmAndDispatch(c, inc, "auto", String.format(Locale.ROOT,
                            "confidence %.2f at or above %.2f", r.confidence(), settings.autoConfirmConfidence()), now);
                }
                Incident waiting = withState(inc, IncidentState.AWAITING_REVIEW, now);
                store.updateIncident(c, waiting);
                event(c, inc.id(), IncidentState.AWAITING_REVIEW, null, "auto", null, now);
                return waiting;
            }
            Incident inc = existing.get();
            if (inc.state().isClosed()) {
                LOG.info("incident {} is {}: a new report of it is not sent", inc.id(), inc.state());
                return inc;
            }
            if (inc.state() == IncidentState.AWAITING_REVIEW || inc.state() == IncidentState.DETECTED) {
                Incident updated = new Incident(inc.id(), r, inc.state(), inc.revision(), inc.createdAt(), now);
                store.updateIncident(c, updated);
                if (r.confidence() >= settings.autoConfirmConfidence()) {
                    return confirmAndDispatch(c, updated, "auto", "confidence rose to "
                            + String.format(Locale.ROOT, "%.2f", r.confidence()), now);
                }
                return updated;
            }
            Incident updated = new Incident(inc.id(), r, inc.state(), inc.revision() + 1, inc.createdAt(), now);
            store.updateIncident(c, updated);
            return dispatch(c, updated, "Update", "auto", now);
        });
        liveIncidents.add(result.id());
        afterCommit(result);
        return result;
    }

    private Optional<Incident> openIncidentFromEarlierRun(Connection c, HazardReport r) throws SQLException {
        if (earlierOpen == null) {
            earlierOpen = List.copyOf(store.openIncidents(c)); // under the database lock, like every report
        }
        Incident best = null;
        double bestM = Double.MAX_VALUE;
        for (Incident open : earlierOpen) {
            if (open.report().kind() != r.kind() || liveIncidents.contains(open.id())) {
                continue;
            }
            double m = distanceM(open.report().position(), r.position());
            if (m <= SAME_HAZARD_M + open.report().radiusM() + r.radiusM() && m < bestM) {
                best = open;
                bestM = m;
            }
        }
        return best == null ? Optional.empty() : store.incident(c, best.id()).filter(i -> !i.state().isClosed());
    }

    private static double distanceM(GeoPoint a, GeoPoint b) {
        double lat = Math.toRadians((a.latDeg() + b.latDeg()) / 2);
        double dy = Math.toRadians(a.latDeg() - b.latDeg()) * 6_371_000;
        double dx = Math.toRadians(a.lonDeg() - b.lonDeg()) * 6_371_000 * Math.cos(lat);
        return Math.hypot(dx, dy);
    }

    /** A reviewer confirms an incident waiting for review; it is routed and dispatched. */
    public Incident confirm(String incidentId, String actor) {
        Instant now = now();
        Incident result = store.database().inTransaction(c -> {
            Incident inc = require(c, incidentId);
            if (inc.state() != IncidentState.AWAITING_REVIEW && inc.state() != IncidentState.DETECTED) {
                throw new IllegalStateException("incident " + incidentId + " is " + inc.state()
                        + "; only an incident awaiting review can be confirmed");
            }
            return confirmAndDispatch(c, inc, actor, null, now);
        });
        afterCommit(result);
        return result;
    }

    /**
     * Writes the payloads of a made-up alert (CAP XML, GeoJSON, a pin, Cursor-on-Target) and throws
     * them away: the XML and JSON machinery loads on first use, which would otherwise add a few
     * hundred milliseconds to the first real alert, the one that matters most. Nothing is stored.
     */
    public void warmUp() {
        Instant now = Instant.now();
        HazardReport r = HazardReport.point("warm-up", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, 30.39, 119.80, now);
        Incident inc = new Incident("warm-up", r, IncidentState.DISPATCHED, 0, now, now);
        CapMessage cap = new CapMessage("warm-up", settings.sender(), now, settings.capStatus(), "Alert", "warm-up",
                List.of(), inc.id(), inc, "Likely", "Skyshare station " + settings.stationId(), null);
        CapXml.write(cap);
        AlertGeoJson.feature(cap);
        AlertGeoJson.pin("warm-up", "warm-up", cap);
        CursorOnTarget.event("warm-up", cap);
        router.route(r);
    }

    /** A reviewer dismisses an incident; it is kept (dismissals tune the detectors' thresholds). */
    public Incident dismiss(String incidentId, String actor, String reason) {
        Instant now = now();
        Incident result = store.database().inTransaction(c -> {
            Incident inc = require(c, incidentId);
            if (inc.state() != IncidentState.AWAITING_REVIEW && inc.state() != IncidentState.DETECTED
                    && inc.state() != IncidentState.CONFIRMED) {
                throw new IllegalStateException("incident " + incidentId + " is " + inc.state()
                        + "; a dispatched incident is withdrawn with cancel, not dismissed");
            }
            Incident d = withState(inc, IncidentState.DISMISSED, now);
            store.updateIncident(c, d);
            event(c, incidentId, IncidentState.DISMISSED, null, actor, reason, now);
            return d;
        });
        afterCommit(result);
        return result;
    }

    /** Withdraws a dispatched incident: every agency alerted gets a CAP Cancel; the incident is dismissed. */
    public Incident cancel(String incidentId, String actor, String reason) {
        Instant now = now();
        Incident result = store.database().inTransaction(c -> {
            Incident inc = require(c, incidentId);
            if (inc.state() != IncidentState.DISPATCHED && inc.state() != IncidentState.ACKNOWLEDGED) {
                throw new IllegalStateException("incident " + incidentId + " is " + inc.state()
                        + "; only a dispatched incident can be cancelled");
            }
            Incident next = new Incident(inc.id(), inc.report(), inc.state(), inc.revision() + 1, inc.createdAt(), now);
            store.updateIncident(c, next);
            dispatch(c, next, "Cancel", actor, now);
            Incident d = withState(next, IncidentState.DISMISSED, now);
            store.updateIncident(c, d);
            event(c, incidentId, IncidentState.DISMISSED, null, actor, reason, now);
            return d;
        });
        afterCommit(result);
        return result;
    }

    /** An operator closes an incident whatever the agencies answered. */
    public Incident resolve(String incidentId, String actor, String note) {
        Instant now = now();
        Incident result = store.database().inTransaction(c -> {
            Incident inc = require(c, incidentId);
            if (inc.state().isClosed()) {
                throw new IllegalStateException("incident " + incidentId + " is already " + inc.state());
            }
            Incident d = withState(inc, IncidentState.RESOLVED, now);
            store.updateIncident(c, d);
            event(c, incidentId, IncidentState.RESOLVED, null, actor, note, now);
            return d;
        });
        afterCommit(result);
        return result;
    }

    /**
     * Records an answer read back from {@code skyshare/v1/<station>/acks/<sender>}. The sender must be
     * the agency the alert went to, or one of its crews; an answer whose id was seen before is a
     * resend and changes nothing.
     *
     * @throws IllegalArgumentException naming what is wrong with the answer
     */
    public AckResult acknowledge(Acknowledgement a) {
        Instant now = now();
        Incident[] changed = new Incident[1];
        AckResult result = store.database().inTransaction(c -> {
            AlertRecord alert = store.alert(c, a.alertId()).orElseThrow(() -> new IllegalArgumentException(
                    "answer " + a.ackId() + " from " + a.agency() + " names alert '" + a.alertId() + "', which this station never sent"));
            List<String> crews = settings.crews().getOrDefault(alert.agency(), List.of());
            if (!alert.agency().equals(a.agency()) && !crews.contains(a.agency())) {
                throw new IllegalArgumentException("answer " + a.ackId() + " from " + a.agency()
                        + " concerns alert " + a.alertId() + ", which went to " + alert.agency());
            }
            if (!store.insertAck(c, a, now)) {
                return AckResult.DUPLICATE;
            }
            String newState = a.action().name();
            if (ALERT_STATES.indexOf(newState) > ALERT_STATES.indexOf(alert.state())) {
                store.setAlertState(c, alert.id(), newState);
            }
            IncidentState step = a.action() == AgencyAction.RESOLVED ? IncidentState.RESOLVED : IncidentState.ACKNOWLEDGED;
            String note = (a.action() == AgencyAction.ON_SITE ? "on site" : a.action().wireName())
                    + (a.note() == null || a.note().isBlank() ? "" : ": " + a.note());
            event(c, alert.incidentId(), step, a.agency(), a.actor(), note, a.at());
            Incident inc = store.incident(c, alert.incidentId()).orElseThrow();
            Incident next = inc;
            if (allAgenciesResolved(c, inc.id())) {
                next = withState(inc, IncidentState.RESOLVED, now);
                event(c, inc.id(), IncidentState.RESOLVED, null, "auto", "every agency alerted has resolved it", now);
            } else if (inc.state() == IncidentState.DISPATCHED) {
                next = withState(inc, IncidentState.ACKNOWLEDGED, now);
            }
            if (next != inc) {
                store.updateIncident(c, next);
            }
            changed[0] = next;
            return AckResult.STORED;
        });
        if (changed[0] != null) {
            incidentListeners.forEach(l -> l.accept(changed[0]));
        }
        return result;
    }

    // ---- queries

    public List<Incident> reviewQueue() {
        return store.incidentsIn(IncidentState.AWAITING_REVIEW);
    }

    public Optional<Incident> incident(String id) {
        return store.incident(id);
    }

    public List<IncidentEvent> history(String incidentId) {
        return store.history(incidentId);
    }

    public List<AlertRecord> alerts(String incidentId) {
        return store.alertsOf(incidentId);
    }

    /** The CAP identifier of an incident's alert to one agency at one revision. */
    public String alertId(String incidentId, String agency, int revision) {
        return settings.stationId() + "." + incidentId + "." + agency + ".r" + revision;
    }

    // ---- internals

    private Incident confirmAndDispatch(Connection c, Incident inc, String actor, String note, Instant now)
            throws SQLException {
        Incident confirmed = withState(inc, IncidentState.CONFIRMED, now);
        store.updateIncident(c, confirmed);
        event(c, inc.id(), IncidentState.CONFIRMED, null, actor, note, now);
        return dispatch(c, confirmed, "Alert", actor, now);
    }

    private Incident dispatch(Connection c, Incident inc, String msgType, String actor, Instant now) throws SQLException {
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<AlertRecord>> prior = new LinkedHashMap<>();
        for (AlertRecord a : store.alertsOf(c, inc.id())) {
            prior.computeIfAbsent(a.agency(), k -> new ArrayList<>()).add(a);
        }
        Set<String> agencies = new LinkedHashSet<>(prior.keySet());
        List<String> rules = List.of();
        if (!"Cancel".equals(msgType)) {
            RoutingDecision decision = router.route(inc.report());
            agencies.addAll(decision.agencies());
            rules = decision.rules();
        }
        if (agencies.isEmpty()) {
            event(c, inc.id(), inc.state(), null, "auto", "no routing rule matched; nobody was alerted", now);
            LOG.warn("incident {} ({}) matched no routing rule; nobody was alerted", inc.id(), inc.report().kind());
            return inc;
        }
        boolean byPerson = !"auto".equals(actor);
        String certainty = byPerson ? "Observed" : inc.report().confidence() >= 0.8 ? "Likely" : "Possible";
        String evidenceUri = evidenceUri(inc);
        for (String agency : agencies) {
            List<AlertRecord> earlier = prior.getOrDefault(agency, List.of());
            String type = earlier.isEmpty() ? "Alert" : msgType;
            String id = alertId(inc.id(), agency, inc.revision());
            List<String> refs = earlier.stream()
                    .map(a -> CapXml.referenceTo(settings.sender(), a.id(), a.createdAt())).toList();
            EvidenceLinker linker = evidenceLinker;
            List<EvidenceResource> evidence = linker == null ? List.of() : linker.resources(inc, agency, sent);
            String agencyEvidenceUri = evidence.stream().map(EvidenceResource::uri).filter(u -> u != null)
                    .findFirst().orElse(evidenceUri);
            CapMessage cap = new CapMessage(id, settings.sender(), sent, settings.capStatus(), type, agency, refs,
                    inc.id(), inc, certainty, "Skyshare station " + settings.stationId(), agencyEvidenceUri, evidence);
            store.insertAlert(c, new AlertRecord(id, inc.id(), agency, inc.revision(), type,
                    refs.isEmpty() ? null : String.join(" ", refs), "DISPATCHED", sent, null));
            byte[] xml = CapXml.write(cap).getBytes(StandardCharsets.UTF_8);
            store.enqueue(c, id, id, topics.alerts(agency), xml, false, now);
            store.enqueue(c, id + "/geojson", id, topics.alertsGeoJson(agency),
                    AlertGeoJson.feature(cap).getBytes(StandardCharsets.UTF_8), false, now);
            for (String crew : settings.crews().getOrDefault(agency, List.of())) {
                String pinId = "pin." + id + "." + crew;
                store.enqueue(c, pinId, id, topics.pins(crew),
                        AlertGeoJson.pin(pinId, crew, cap).getBytes(StandardCharsets.UTF_8), false, now);
                store.enqueue(c, pinId + "/cot", id, topics.pinsCot(crew),
                        // one uid per incident (as station.tak uses): a TAK client moves the marker instead of adding one
                        CursorOnTarget.event("skyshare." + settings.stationId() + "." + inc.id(), cap)
                                .getBytes(StandardCharsets.UTF_8), false, now);
            }
            if (!"Cancel".equals(type)) {
                event(c, inc.id(), IncidentState.DISPATCHED, agency, actor, type + " " + id
                        + (rules.isEmpty() ? "" : " (rules: " + String.join(", ", rules) + ")"), now);
            } else {
                event(c, inc.id(), IncidentState.DISMISSED, agency, actor, "Cancel " + id, now);
            }
        }
        if ("Alert".equals(msgType)) {
            Incident d = withState(inc, IncidentState.DISPATCHED, now);
            store.updateIncident(c, d);
            return d;
        }
        return inc;
    }

    private boolean allAgenciesResolved(Connection c, String incidentId) throws SQLException {
        Map<String, Boolean> resolved = new LinkedHashMap<>();
        for (AlertRecord a : store.alertsOf(c, incidentId)) {
            resolved.merge(a.agency(), "RESOLVED".equals(a.state()), Boolean::logicalOr);
        }
        return !resolved.isEmpty() && resolved.values().stream().allMatch(b -> b);
    }

    private Incident require(Connection c, String id) throws SQLException {
        return store.incident(c, id).orElseThrow(() -> new IllegalArgumentException("no incident with id '" + id + "'"));
    }

    private void event(Connection c, String incidentId, IncidentState state, String agency, String actor, String note,
                       Instant at) throws SQLException {
        store.addEvent(c, new IncidentEvent(incidentId, state, agency, actor == null ? "unknown" : actor, at, note));
    }

    private static Incident withState(Incident i, IncidentState s, Instant now) {
        return new Incident(i.id(), i.report(), s, i.revision(), i.createdAt(), now);
    }

    private void afterCommit(Incident changed) {
        outboxListeners.forEach(Runnable::run);
        incidentListeners.forEach(l -> l.accept(changed));
    }

    private Instant now() {
        return clock.instant();
    }

    /** Copies the evidence image beside the database (temp file, then move) so it outlives the detector's files. */
    private HazardReport keepEvidence(HazardReport r) {
        Path image = r.evidenceImage();
        if (image == null) {
            return r;
        }
        if (!Files.isRegularFile(image)) {
            LOG.warn("incident {}: evidence image {} does not exist; the alert links it anyway", r.sourceIncidentId(), image);
            return r;
        }
        Path dir = store.database().evidenceDir().resolve(r.sourceIncidentId());
        Path target = dir.resolve(image.getFileName().toString());
        if (image.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            return r;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".evidence", ".tmp");
            Files.copy(image, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("incident {}: cannot keep evidence image {} in {}: {}", r.sourceIncidentId(), image, dir, e.getMessage());
            return r;
        }
        return new HazardReport(r.sourceIncidentId(), r.kind(), r.severity(), r.confidence(), r.position(), r.area(),
                r.radiusM(), r.peakTemperatureC(), target, r.detectedAt(), r.description());
    }

    private String evidenceUri(Incident inc) {
        Path image = inc.report().evidenceImage();
        if (image == null) {
            return null;
        }
        if (settings.evidenceBaseUri() == null) {
            return image.toAbsolutePath().toUri().toString();
        }
        String base = settings.evidenceBaseUri().endsWith("/") ? settings.evidenceBaseUri() : settings.evidenceBaseUri() + "/";
        return base + URLEncoder.encode(inc.id(), StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(image.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
