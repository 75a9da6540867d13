package org.skyshare.station.mqtt;

/** A broker operation failed; {@link #authentication()} tells a refused login from a lost connection. */
public class MqttTransportException extends Exception {
    private final boolean authentication;

    public MqttTransportException(String message, boolean authentication, Throwable cause) {
        super(message, cause);
        this.authentication = authentication;
    }

    public boolean authentication() {
        return authentication;
    }
}
