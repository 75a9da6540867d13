package org.skyshare.station.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** MQTT 5 through Eclipse Paho. The outbox is the persistence, so Paho keeps nothing on disk. */
final class Paho5Transport implements MqttTransport {
    static final String MESSAGE_ID_PROPERTY = "skyshare-message-id";
    private final MqttAsyncClient client;
    private volatile Runnable lostListener = () -> { };
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    private Paho5Transport(MqttAsyncClient client) {
        this.client = client;
    }

    static Paho5Transport connect(MqttEndpoint e, long timeoutMs) throws MqttTransportException {
        MqttAsyncClient client = null;
        try {
            client = new MqttAsyncClient(e.serverUri(), e.clientId(), new MemoryPersistence());
            Paho5Transport t = new Paho5Transport(client);
            client.setCallback(t.callback());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setAutomaticReconnect(false);
            o.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
            o.setKeepAliveInterval(20);
            if (e.username() != null) {
                o.setUserName(e.username());
            }
            if (e.password() != null) {
                o.setPassword(new String(e.password()).getBytes(StandardCharsets.UTF_8));
            }
            if (e.tls() != null) {
                o.setSocketFactory(e.tls());
            }
            if (e.will() != null) {
                MqttMessage will = new MqttMessage(e.will().payload(), 1, true, null);
                o.setWill(e.will().topic(), will);
            }
            client.connect(o).waitForCompletion(timeoutMs);
            if (!client.isConnected()) {
                throw new MqttTransportException("MQTT 5 connection to " + e.serverUri() + " did not complete", false, null);
            }
            return t;
        } catch (MqttException ex) {
            closeQuietly(client);
            int code = ex.getReasonCode();
            boolean auth = code == 0x86 || code == 0x87 || code == 0x8C;
            throw new MqttTransportException("MQTT 5 connection to " + e.serverUri() + " as " + e.username()
                    + " failed: " + ex.getMessage() + " (reason " + code + ")", auth, ex);
        }
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
                fireLost();
            }

            @Override
            public void mqttErrorOccurred(MqttException ex) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                dispatch(topic, m);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {
            }
        };
    }

    private void fireLost() {
        if (lost.compareAndSet(false, true)) {
            lostListener.run();
        }
    }

    @Override
    public String protocol() {
        return "MQTT 5";
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public Pending publish(String topic, byte[] payload, boolean retained, String messageId) throws MqttTransportException {
        MqttMessage m = new MqttMessage(payload, 1, retained, null);
        if (messageId != null) {
            MqttProperties p = new MqttProperties();
            p.setUserProperties(List.of(new UserProperty(MESSAGE_ID_PROPERTY, messageId)));
            m.setProperties(p);
        }
        try {
            IMqttToken token = client.publish(topic, m);
            return timeoutMs -> {
                try {
                    token.waitForCompletion(timeoutMs);
                    if (!token.isComplete() || token.getException() != null) {
                        throw new MqttTransportException("broker did not accept " + messageId, false, token.getException());
                    }
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        throw new MqttTransportException("broker refused " + messageId + " on " + topic
                                + " (reason " + codes[0] + ")", codes[0] == 0x87, null);
                    }
                } catch (MqttException ex) {
                    throw new MqttTransportException("publishing " + messageId + " failed: " + ex.getMessage(), false, ex);
                }
            };
        } catch (MqttException ex) {
            throw new MqttTransportException("publishing " + messageId + " failed: " + ex.getMessage(), false, ex);
        }
    }

    @Override
    public void subscribe(String filter, Handler handler) throws MqttTransportException {
        // Paho 1.2.5 fails (IndexOutOfBounds) on per-subscription listeners without a subscription
        // identifier, so messages are dispatched from the client callback instead.
        handlers.put(filter, handler);
        try {
            IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
            token.waitForCompletion(10_000);
            int[] codes = token.getReasonCodes();
            if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
                handlers.remove(filter);
                throw new MqttTransportException("the broker refused the subscription to " + filter
                        + (codes == null || codes.length == 0 ? "" : " (reason " + codes[0] + ")"), true, null);
            }
        } catch (MqttException ex) {
            handlers.remove(filter);
            throw new MqttTransportException("subscribing to " + filter + " failed: " + ex.getMessage(),
                    ex.getReasonCode() == 0x87, ex);
        }
    }

    private void dispatch(String topic, MqttMessage m) {
        for (Map.Entry<String, Handler> e : handlers.entrySet()) {
            if (TopicFilters.matches(e.getKey(), topic)) {
                e.getValue().onMessage(topic, m.getPayload(), messageId(m));
            }
        }
    }

    private static String messageId(MqttMessage m) {
        if (m.getProperties() == null || m.getProperties().getUserProperties() == null) {
            return null;
        }
        for (UserProperty p : m.getProperties().getUserProperties()) {
            if (MESSAGE_ID_PROPERTY.equals(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    @Override
    public void onConnectionLost(Runnable listener) {
        this.lostListener = listener;
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }
}
