package org.skyshare.station.receivers;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who receives the station's alerts besides the MQTT subscribers: the evidence server agencies
 * open links on, and the field crews with their TAK endpoints.
 *
 * @param evidence the HTTPS evidence server, null when evidence is not served
 * @param crews    the field crews, each with the agency it works for
 */
public record ReceiversConfig(EvidenceServerConfig evidence, List<CrewConfig> crews) {
    public ReceiversConfig {
        crews = crews == null ? List.of() : List.copyOf(crews);
    }

    public static ReceiversConfig none() {
        return new ReceiversConfig(null, List.of());
    }

    /** The crews of each agency, as the alert settings want them. */
    public Map<String, List<String>> crewsByAgency() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CrewConfig c : crews) {
            out.computeIfAbsent(c.agency(), k -> new java.util.ArrayList<>()).add(c.id());
        }
        return out;
    }

    /**
     * @param host          where to listen
     * @param port          the HTTPS port (0: any free one)
     * @param publicUrl     how agencies reach it, e.g. https://station.example:8443 (null: https://host:port)
     * @param keyStore      the user's PKCS#12/JKS key store, or null
     * @param keyStorePassword its password
     * @param certificatePem the user's PEM certificate chain, or null
     * @param privateKeyPem  the user's PEM PKCS#8 key, or null; with no key store and no PEM a
     *                       self-signed certificate is made in the data folder
     * @param linkLifetime  how long an agency's evidence link works after the alert is sent
     */
    public record EvidenceServerConfig(String host, int port, String publicUrl, Path keyStore, String keyStorePassword,
                                       Path certificatePem, Path privateKeyPem, Duration linkLifetime) {
    }

    /**
     * @param takServer          tcp://host:8087 or ssl://host:8089, or null
     * @param takClientKeyStore  for ssl://: the PKCS#12 with the station's client certificate for the TAK Server
     * @param takTrustStore      for ssl://: the PKCS#12 with the TAK Server's CA
     * @param saMulticast        group:port for SA multicast (e.g. 239.2.3.1:6969), or a unicast host:port; null for none
     */
    public record CrewConfig(String id, String agency, InetSocketAddress takServer, boolean takTls, Path takClientKeyStore,
                             String takClientKeyStorePassword, Path takTrustStore, String takTrustStorePassword,
                             InetSocketAddress saMulticast) {
    }
}
