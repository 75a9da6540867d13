package org.skyshare.station.mqtt;

import javax.net.ssl.SSLSocketFactory;

/**
 * How to reach a broker.
 *
 * @param serverUri  tcp://host:port or ssl://host:port
 * @param clientId   stable per station/agency so the broker recognises a reconnect
 * @param username   null for none
 * @param password   null for none
 * @param tls        socket factory for ssl:// (trusting the broker's certificate), null for the JVM default
 * @param will       published by the broker when this client vanishes, null for none
 */
public record MqttEndpoint(String serverUri, String clientId, String username, char[] password,
                           SSLSocketFactory tls, Will will) {

    /** A retained last will. */
    public record Will(String topic, byte[] payload) {
    }

    public MqttEndpoint {
        if (serverUri == null || !(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://"))) {
            throw new IllegalArgumentException("broker URL '" + serverUri + "' must start with tcp:// or ssl://");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an MQTT client id is required");
        }
    }

    public MqttEndpoint withWill(Will w) {
        return new MqttEndpoint(serverUri, clientId, username, password, tls, w);
    }

    public MqttEndpoint withClientId(String id) {
        return new MqttEndpoint(serverUri, id, username, password, tls, will);
    }
}
