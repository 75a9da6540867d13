package org.skyshare.station.mqtt;

import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.alert.OutboundMessage;
import org.skyshare.station.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox: connects (MQTT 5, else 3.1.1), publishes the retained station status with a
 * last will, subscribes to the acks topics, then sends every stored message at QoS 1 in order
 * and marks it accepted only when the broker acknowledged it. When the broker goes away it keeps
 * trying to reconnect; after a station restart it picks up where the database says it stopped.
 * A message may reach a subscriber twice (accepted but not yet marked when the station died); its
 * stable id lets the receiver recognise it.
 */
public final class OutboxPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 256;
    private static final int WINDOW = 32;
    private static final long ACCEPT_TIMEOUT_MS = 10_000;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final AlertStore store;
    private final MqttEndpoint endpoint;
    private final AlertTopics topics;
    private final AckReader acks;
    private final Clock clock;
    private final MqttConnector connector = new MqttConnector();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean workPending = true;
    private volatile MqttTransport transport;
    private volatile String lastError = "";
    private Thread thread;

    /**
     * @param acks reads answers from agencies, null to not subscribe
     */
    public OutboxPublisher(AlertStore store, MqttEndpoint endpoint, AlertTopics topics, AckReader acks, Clock clock) {
        this.store = store;
        this.topics = topics;
        this.acks = acks;
        this.clock = clock;
        this.endpoint = endpoint.withWill(new MqttEndpoint.Will(topics.status(), status("offline", null)));
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** New messages are in the outbox. */
    public void wake() {
        lock.lock();
        try {
            workPending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the broker accepted everything in the outbox; false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (store.countPending() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isConnected() {
        MqttTransport t = transport;
        return t != null && t.isConnected();
    }

    /** "MQTT 5", "MQTT 3.1.1", or "" before the first connection. */
    public String protocol() {
        MqttTransport t = transport;
        return t == null ? "" : t.protocol();
    }

    public long acceptedCount() {
        return accepted.get();
    }

    public long connectCount() {
        return connects.get();
    }

    public String lastError() {
        return lastError;
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                MqttTransport t = transport;
                if (t == null || !t.isConnected()) {
                    dropTransport();
                    transport = connect();
                    backoff = 100;
                    continue;
                }
                List<OutboundMessage> batch = store.pending(BATCH);
                if (batch.isEmpty()) {
                    signalDrained();
                    waitForWork(1_000);
                    continue;
                }
                send(t, batch);
                backoff = 100;
            } catch (MqttTransportException e) {
                lastError = e.getMessage();
                LOG.warn("broker {}: {}; retrying", endpoint.serverUri(), e.getMessage());
                dropTransport();
                waitForWork(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.error("outbox: {}; retrying", e.toString(), e);
                waitForWork(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private MqttTransport connect() throws MqttTransportException {
        MqttTransport t = connector.connect(endpoint);
        try {
            t.onConnectionLost(this::wake);
            if (acks != null) {
                t.subscribe(topics.acksFilter(), (topic, payload, id) -> acks.onMessage(topic, payload));
            }
            t.publish(topics.status(), status("online", t.protocol()), true, null).await(ACCEPT_TIMEOUT_MS);
        } catch (MqttTransportException | RuntimeException e) {
            t.close();
            throw e;
        }
        connects.incrementAndGet();
        LOG.info("connected to {} with {}", endpoint.serverUri(), t.protocol());
        return t;
    }

    private void send(MqttTransport t, List<OutboundMessage> batch) throws MqttTransportException {
        for (int from = 0; from < batch.size(); from += WINDOW) {
            List<OutboundMessage> window = batch.subList(from, Math.min(batch.size(), from + WINDOW));
            List<MqttTransport.Pending> inFlight = new ArrayList<>(window.size());
            List<OutboundMessage> done = new ArrayList<>(window.size());
            try {
                for (OutboundMessage m : window) {
                    inFlight.add(t.publish(m.topic(), m.payload(), m.retained(), m.messageId()));
                }
                for (int i = 0; i < inFlight.size(); i++) {
                    inFlight.get(i).await(ACCEPT_TIMEOUT_MS);
                    done.add(window.get(i));
                }
            } finally {
                store.markAccepted(done, clock.instant());
                accepted.addAndGet(done.size());
            }
        }
    }

    private byte[] status(String state, String protocol) {
        String json = "{\"station\":\"" + topics.stationId() + "\",\"state\":\"" + state + "\""
                + (protocol == null ? "" : ",\"protocol\":\"" + protocol + "\",\"at\":\"" + clock.instant() + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private void waitForWork(long ms) {
        lock.lock();
        try {
            if (!workPending && running) {
                work.await(ms, TimeUnit.MILLISECONDS);
            }
            workPending = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signalDrained() {
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dropTransport() {
        MqttTransport t = transport;
        transport = null;
        if (t != null) {
            t.close();
        }
    }

    /** Stops sending; says "offline" on the retained status first so agencies see an orderly stop. */
    @Override
    public void close() {
        running = false;
        wake();
        Thread th = thread;
        if (th != null) {
            try {
                th.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MqttTransport t = transport;
        if (t != null && t.isConnected()) {
            try {
                t.publish(topics.status(), status("offline", null), true, null).await(3_000);
            } catch (MqttTransportException e) {
                LOG.debug("could not publish the offline status: {}", e.getMessage());
            }
        }
        dropTransport();
    }
}
