package org.skyshare.station.console.alerts;

import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.routing.Router;
import org.skyshare.station.store.AlertRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The station's alert service as the console's review queue. The database is read on a worker
 * thread whenever an incident changes, and the console polls the in-memory snapshot, so the FX
 * thread never waits on storage.
 */
public final class AlertServiceQueue implements AlertQueue, AutoCloseable {
    /** States the console lists: everything still open, plus the closed ones for the map and history. */
    private static final List<IncidentState> LISTED = List.of(IncidentState.AWAITING_REVIEW, IncidentState.DETECTED,
            IncidentState.CONFIRMED, IncidentState.DISPATCHED, IncidentState.ACKNOWLEDGED, IncidentState.RESOLVED,
            IncidentState.DISMISSED);
    private final AlertService service;
    private final Router router;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-alerts");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> queued;
    private volatile List<ReviewItem> snapshot = List.of();

    /**
     * @param router the station's router, so a pending incident shows the agencies it would go to
     */
    public AlertServiceQueue(AlertService service, Router router) {
        this.service = service;
        this.router = router;
        service.onIncidentChanged(i -> reload());
        reload();
    }

    /** Reads the incidents again in the background; bursts of changes collapse into one read. */
    public synchronized CompletableFuture<Void> reload() {
        if (queued != null) {
            return queued;
        }
        queued = CompletableFuture.runAsync(() -> {
            synchronized (this) {
                queued = null;
            }
            snapshot = read();
        }, worker);
        return queued;
    }

    private List<ReviewItem> read() {
        List<Incident> all = new ArrayList<>();
        for (IncidentState s : LISTED) {
            all.addAll(service.store().incidentsIn(s));
        }
        all.sort(Comparator.comparing(Incident::updatedAt).reversed());
        List<ReviewItem> out = new ArrayList<>(all.size());
        for (Incident i : all) {
            out.add(toItem(i, agencies(i)));
        }
        return List.copyOf(out);
    }

    private List<String> agencies(Incident i) {
        Set<String> a = new LinkedHashSet<>();
        for (AlertRecord r : service.alerts(i.id())) {
            a.add(r.agency());
        }
        if (a.isEmpty() && !i.state().isClosed() && router != null) {
            a.addAll(router.route(i.report()).agencies());
        }
        return List.copyOf(a);
    }

    static ReviewItem toItem(Incident i, List<String> agencies) {
        HazardReport r = i.report();
        return new ReviewItem(i.id(), kindWord(r), stateWord(i.state()), r.position().latDeg(), r.position().lonDeg(),
                r.confidence(), r.peakTemperatureC() == null ? Double.NaN : r.peakTemperatureC(), r.detectedAt(), null,
                r.evidenceImage(), agencies, null);
    }

    static String kindWord(HazardReport r) {
        return switch (r.kind()) {
            case ILLEGAL_LOGGING -> "logging";
            case SEWAGE_DISCHARGE -> "discharge";
            case PERSON_IN_DISTRESS -> "person";
            case LINE_DEFECT -> "line-defect";
            default -> r.kind().name().toLowerCase(Locale.ROOT);
        };
    }

    static String stateWord(IncidentState s) {
        return s == IncidentState.AWAITING_REVIEW || s == IncidentState.DETECTED ? "pending" : s.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<ReviewItem> incidents() {
        return snapshot;
    }

    @Override
    public List<IncidentEvent> history(String incidentId) {
        List<IncidentEvent> out = new ArrayList<>();
        for (org.skyshare.station.alert.IncidentEvent e : service.history(incidentId)) {
            String what = e.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (e.agency() == null ? "" : " (" + e.agency() + ")")
                    + (e.note() == null || e.note().isBlank() ? "" : ": " + e.note());
            out.add(new IncidentEvent(e.at(), what, e.actor()));
        }
        return out;
    }

    @Override
    public CompletionStage<Void> confirm(String incidentId, String reviewer) {
        return CompletableFuture.runAsync(() -> service.confirm(incidentId, reviewer), worker)
                .thenCompose(v -> reload());
    }

    @Override
    public CompletionStage<Void> dismiss(String incidentId, String reviewer, String reason) {
        return CompletableFuture.runAsync(() -> service.dismiss(incidentId, reviewer, reason), worker)
                .thenCompose(v -> reload());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
