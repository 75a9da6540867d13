package org.skyshare.station.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.concurrent.atomic.AtomicBoolean;

/** MQTT 3.1.1 through Eclipse Paho, for brokers without MQTT 5 (the embedded Moquette). */
final class Paho3Transport implements MqttTransport {
    private final MqttAsyncClient client;
    private volatile Runnable lostListener = () -> { };
    private final AtomicBoolean lost = new AtomicBoolean();

    private Paho3Transport(MqttAsyncClient client) {
        this.client = client;
    }

    static Paho3Transport connect(MqttEndpoint e, long timeoutMs) throws MqttTransportException {
        MqttAsyncClient client = null;
        try {
            client = new MqttAsyncClient(e.serverUri(), e.clientId(), new MemoryPersistence());
            Paho3Transport t = new Paho3Transport(client);
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    t.fireLost();
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setCleanSession(true);
            o.setAutomaticReconnect(false);
            o.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
            o.setKeepAliveInterval(20);
            o.setMaxInflight(1000);
            if (e.username() != null) {
                o.setUserName(e.username());
            }
            if (e.password() != null) {
                o.setPassword(e.password());
            }
            if (e.tls() != null) {
                o.setSocketFactory(e.tls());
            }
            if (e.will() != null) {
                o.setWill(e.will().topic(), e.will().payload(), 1, true);
            }
            client.connect(o).waitForCompletion(timeoutMs);
            if (!client.isConnected()) {
                throw new MqttTransportException("MQTT 3.1.1 connection to " + e.serverUri() + " did not complete", false, null);
            }
            return t;
        } catch (MqttException ex) {
            closeQuietly(client);
            int code = ex.getReasonCode();
            boolean auth = code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || code == MqttException.REASON_CODE_NOT_AUTHORIZED;
            throw new MqttTransportException("MQTT 3.1.1 connection to " + e.serverUri() + " as " + e.username()
                    + " failed: " + ex.getMessage() + " (reason " + code + ")", auth, ex);
        }
    }

    private void fireLost() {
        if (lost.compareAndSet(false, true)) {
            lostListener.run();
        }
    }

    @Override
    public String protocol() {
        return "MQTT 3.1.1";
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public Pending publish(String topic, byte[] payload, boolean retained, String messageId) throws MqttTransportException {
        try {
            IMqttDeliveryToken token = client.publish(topic, payload, 1, retained);
            return timeoutMs -> {
                try {
                    token.waitForCompletion(timeoutMs);
                    if (!token.isComplete() || token.getException() != null) {
                        throw new MqttTransportException("broker did not accept " + messageId, false, token.getException());
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
        try {
            IMqttToken token = client.subscribe(filter, 1, (topic, m) -> handler.onMessage(topic, m.getPayload(), null));
            token.waitForCompletion(10_000);
            int[] granted = token.getGrantedQos();
            if (granted == null || granted.length == 0 || granted[0] >= 0x80) {
                throw new MqttTransportException("the broker refused the subscription to " + filter, true, null);
            }
        } catch (MqttException ex) {
            throw new MqttTransportException("subscribing to " + filter + " failed: " + ex.getMessage(),
                    ex.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED, ex);
        }
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
