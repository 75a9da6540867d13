package org.skyshare.station.mqtt;

/** One MQTT connection, MQTT 5 or 3.1.1, behind the same few operations. */
public interface MqttTransport extends AutoCloseable {

    /** Receives a message; {@code messageId} is the sender's stable id when the protocol carries it (MQTT 5), else null. */
    @FunctionalInterface
    interface Handler {
        void onMessage(String topic, byte[] payload, String messageId);
    }

    /** A publish under way. */
    interface Pending {
        /** Waits until the broker accepted the message (PUBACK for QoS 1). */
        void await(long timeoutMs) throws MqttTransportException;
    }

    /** "MQTT 5" or "MQTT 3.1.1". */
    String protocol();

    boolean isConnected();

    /** Publishes at QoS 1; {@code messageId} travels as an MQTT 5 user property (it is also inside every payload). */
    Pending publish(String topic, byte[] payload, boolean retained, String messageId) throws MqttTransportException;

    /** Subscribes at QoS 1; fails when the broker refuses the subscription (ACL). */
    void subscribe(String filter, Handler handler) throws MqttTransportException;

    /** Called once when the connection drops. */
    void onConnectionLost(Runnable listener);

    @Override
    void close();
}
