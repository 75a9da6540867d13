package org.skyshare.station.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An agency's or crew's client in tests: collects what arrives, by topic and by CAP identifier. */
public final class TestSubscriber implements AutoCloseable {
    private static final Pattern CAP_ID = Pattern.compile("<identifier>([^<]+)</identifier>");
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final List<String> filters;
    public final List<String> topics = new CopyOnWriteArrayList<>();
    public final Map<String, Integer> capIds = new ConcurrentHashMap<>();
    public final List<String> payloads = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();

    /**
     * @param persistent keep the session (and queued QoS 1 messages) across disconnects
     */
    public TestSubscriber(String url, String user, String password, boolean persistent, String... filters) throws MqttException {
        this.client = new MqttClient(url, user + "-test-" + Math.abs(url.hashCode()) + "-" + INSTANCES.incrementAndGet()
                + (persistent ? "-durable" : ""), new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setCleanSession(!persistent);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        options.setMaxInflight(1000);
        this.filters = List.of(filters);
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect && (!persistent || subscribed.getCount() > 0)) {
                    try {
                        subscribeAll();
                    } catch (IllegalStateException e) {
                        // dropped again; the next reconnect subscribes
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                record(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        try {
            subscribeAll();
        } catch (IllegalStateException e) {
            // Moquette 0.17 can drop a connection whose SUBSCRIBE follows the CONNACK too closely (it
            // marks the connection connected in a listener that may run after the next read); the
            // client reconnects on its own and subscribes again, as a real agency client would
            if (!(e.getCause() instanceof MqttException m && m.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST)) {
                throw e;
            }
            try {
                if (!subscribed.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not subscribed 30 s after the broker dropped the first connection", e);
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    private void subscribeAll() {
        try {
            for (String f : filters) {
                client.subscribe(f, 1);
            }
            subscribed.countDown();
        } catch (MqttException e) {
            throw new IllegalStateException("subscribing failed: " + e.getMessage(), e);
        }
    }

    private void record(String topic, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        lock.lock();
        try {
            topics.add(topic);
            payloads.add(text);
            Matcher m = CAP_ID.matcher(text);
            if (m.find()) {
                capIds.merge(m.group(1), 1, Integer::sum);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code n} distinct CAP identifiers arrived; false on timeout. */
    public boolean awaitCapIds(int n, Duration timeout) throws InterruptedException {
        return awaitUntil(() -> capIds.size() >= n, timeout);
    }

    /** Waits until at least {@code n} messages arrived in all; false on timeout. */
    public boolean awaitMessages(int n, Duration timeout) throws InterruptedException {
        return awaitUntil(() -> topics.size() >= n, timeout);
    }

    public boolean awaitTopic(String topic, Duration timeout) throws InterruptedException {
        return awaitUntil(() -> topics.contains(topic), timeout);
    }

    private boolean awaitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Subscribes and throws when the broker refuses (SUBACK failure) or drops the connection. */
    public void subscribeOrThrow(String filter) throws MqttException {
        client.subscribe(filter, 1);
        if (!client.isConnected()) {
            throw new MqttException(MqttException.REASON_CODE_CONNECTION_LOST);
        }
    }

    public Set<String> distinctTopics() {
        return Set.copyOf(topics);
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // the test is over
        }
    }
}
