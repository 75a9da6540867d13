package org.skyshare.station.mqtt;

import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.routing.Router;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;

import java.time.Clock;

/**
 * Everything the station needs to get alerts out, wired: the {@link AlertService} the vision
 * pipeline and the console call, the outbox publisher, and the reader of agencies' answers.
 * <pre>
 * try (StationDatabase db = StationDatabase.openEmbedded(dataDir);
 *      AlertPipeline alerts = AlertPipeline.start(db, router, settings, endpoint)) {
 *     alerts.service().report(hazardReport);
 * }
 * </pre>
 */
public final class AlertPipeline implements AutoCloseable {
    private final AlertService service;
    private final AckReader acks;
    private final OutboxPublisher publisher;

    private AlertPipeline(AlertService service, AckReader acks, OutboxPublisher publisher) {
        this.service = service;
        this.acks = acks;
        this.publisher = publisher;
    }

    public static AlertPipeline start(StationDatabase db, Router router, AlertSettings settings, MqttEndpoint endpoint) {
        return start(db, router, settings, endpoint, Clock.systemUTC());
    }

    public static AlertPipeline start(StationDatabase db, Router router, AlertSettings settings, MqttEndpoint endpoint,
                                      Clock clock) {
        AlertStore store = new AlertStore(db);
        AlertService service = new AlertService(store, router, settings, clock);
        AckReader acks = new AckReader(service, clock);
        OutboxPublisher publisher = new OutboxPublisher(store, endpoint, service.topics(), acks, clock);
        service.onOutboxChanged(publisher::wake);
        publisher.start();
        return new AlertPipeline(service, acks, publisher);
    }

    public AlertService service() {
        return service;
    }

    public AckReader acks() {
        return acks;
    }

    public OutboxPublisher publisher() {
        return publisher;
    }

    /** Stops publishing; whatever is still in the outbox goes out after the next start. */
    @Override
    public void close() {
        publisher.close();
    }
}
