package org.skyshare.station.mqtt;

import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads answers from agencies and crews off the station's acks topics into the incident store.
 * Anything malformed or not allowed is rejected with a log line naming the topic and the reason;
 * nothing a sender publishes can throw out of here and take the connection down.
 */
public final class AckReader {
    private static final Logger LOG = LoggerFactory.getLogger(AckReader.class);
    private final AlertService service;
    private final AlertTopics topics;
    private final Clock clock;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public AckReader(AlertService service, Clock clock) {
        this.service = service;
        this.topics = service.topics();
        this.clock = clock;
    }

    public void onMessage(String topic, byte[] payload) {
        try {
            String sender = topics.acksSender(topic);
            if (sender == null) {
                throw new IllegalArgumentException("not an acks topic");
            }
            Acknowledgement a = AckCodec.decode(sender, payload, clock.instant());
            if (service.acknowledge(a) == AlertService.AckResult.STORED) {
                stored.incrementAndGet();
                LOG.info("{} {} alert {} ({})", a.agency(), a.action().wireName(), a.alertId(), a.actor());
            } else {
                duplicates.incrementAndGet();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            rejected.incrementAndGet();
            LOG.warn("rejected message on {}: {}", topic, e.getMessage());
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("could not store the message on {}: {}", topic, e.toString());
        }
    }

    public long stored() {
        return stored.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }
}
