package org.skyshare.station.mqtt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects with MQTT 5 and falls back to MQTT 3.1.1 when the broker does not speak 5. */
public final class MqttConnector {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnector.class);
    private static final long TIMEOUT_MS = 10_000;
    private volatile Boolean v5Works;

    /** Remembers which protocol the broker took, so reconnects try that one first. */
    public MqttTransport connect(MqttEndpoint e) throws MqttTransportException {
        if (Boolean.FALSE.equals(v5Works)) {
            return Paho3Transport.connect(e, TIMEOUT_MS);
        }
        try {
            MqttTransport t = Paho5Transport.connect(e, TIMEOUT_MS);
            v5Works = true;
            return t;
        } catch (MqttTransportException v5) {
            if (v5.authentication() || Boolean.TRUE.equals(v5Works)) {
                throw v5;
            }
            try {
                MqttTransport t = Paho3Transport.connect(e, TIMEOUT_MS);
                LOG.info("{} does not accept MQTT 5 ({}); using MQTT 3.1.1", e.serverUri(), v5.getMessage());
                v5Works = false;
                return t;
            } catch (MqttTransportException v3) {
                v3.addSuppressed(v5);
                throw v3;
            }
        }
    }
}
