package org.skyshare.station.console.alerts;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The review queue as the console sees it. {@link #incidents()} is polled on the FX thread and must
 * be an in-memory snapshot; {@link #history} may read storage, so the console calls it off the FX
 * thread; confirm/dismiss complete when the decision is stored.
 */
public interface AlertQueue {
    /** Pending and recent incidents, newest first. */
    List<ReviewItem> incidents();

    List<IncidentEvent> history(String incidentId) throws Exception;

    CompletionStage<Void> confirm(String incidentId, String reviewer);

    CompletionStage<Void> dismiss(String incidentId, String reviewer, String reason);

    static AlertQueue none() {
        return new AlertQueue() {
            @Override
            public List<ReviewItem> incidents() {
                return List.of();
            }

            @Override
            public List<IncidentEvent> history(String incidentId) {
                return List.of();
            }

            @Override
            public CompletionStage<Void> confirm(String incidentId, String reviewer) {
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("no alert pipeline is connected to this console"));
            }

            @Override
            public CompletionStage<Void> dismiss(String incidentId, String reviewer, String reason) {
                return confirm(incidentId, reviewer);
            }
        };
    }
}
