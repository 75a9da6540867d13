package org.skyshare.station.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a station needs to run, as one YAML file ({@code station --config F}). Relative
 * paths are resolved against the file's folder.
 *
 * @param stationId            the station's name in MQTT topics (skyshare/v1/&lt;station&gt;/...)
 * @param assets               asset files (GeoJSON, KML, GeoPackage) the patrols cover
 * @param aircraft             aircraft profile flown from every dock, overriding the docks' own
 * @param patrols              the patrols file
 * @param broker               "embedded" for the in-process broker, or a tcp:// / ssl:// URL
 * @param databaseUrl          JDBC URL; empty for the embedded SQLite file in {@code dataDir}
 * @param dataDir              where the database, evidence images and reports live
 * @param autoConfirmConfidence incidents at or above this confidence skip the review queue
 * @param vehicles             the docked drones and how to reach them
 * @param brokerTls            TLS for the broker: what the station trusts (and its client
 *                             certificate) for an ssl:// broker, or the embedded broker's TLS
 *                             listener; null for none
 */
public record StationConfig(
        String stationId,
        List<Path> assets,
        String aircraft,
        Path patrols,
        String broker,
        String brokerUsername,
        String brokerPassword,
        String databaseUrl,
        Path dataDir,
        double autoConfirmConfidence,
        List<VehicleConfig> vehicles,
        BrokerTls brokerTls) {

    public StationConfig {
        assets = List.copyOf(assets);
        vehicles = List.copyOf(vehicles);
    }

    /** Without TLS settings. */
    public StationConfig(String stationId, List<Path> assets, String aircraft, Path patrols, String broker,
                         String brokerUsername, String brokerPassword, String databaseUrl, Path dataDir,
                         double autoConfirmConfidence, List<VehicleConfig> vehicles) {
        this(stationId, assets, aircraft, patrols, broker, brokerUsername, brokerPassword, databaseUrl, dataDir,
                autoConfirmConfidence, vehicles, null);
    }

    public boolean embeddedBroker() {
        return broker == null || broker.isBlank() || broker.equals("embedded");
    }

    /**
     * TLS towards the broker ({@code broker_tls}). As a client of an ssl:// broker the station
     * trusts the certificates in {@code caFile} (PEM) or {@code trustStore} (PKCS12/JKS), else the
     * JVM's default authorities, and shows a client certificate from {@code keyStore} or
     * {@code certFile} + {@code keyFile} (PEM, PKCS#8 key) when given. With the embedded broker,
     * {@code port} &gt; 0 serves MQTT over TLS there from {@code keyStore}.
     */
    public record BrokerTls(Path caFile, Path trustStore, String trustStorePassword, Path keyStore,
                            String keyStorePassword, Path certFile, Path keyFile, int port) {
    }

    /**
     * One docked drone.
     *
     * @param link   how to reach its autopilot: udp://host:port, tcp://host:port, or mavsdk://host:port
     *               (a running mavsdk_server's gRPC address)
     * @param frames where its camera frames arrive (the simulator's stream address), empty for none
     * @param systemId its MAVLink system id (1..255)
     * @param signing  MAVLink 2 signing on this link, or null for none
     */
    public record VehicleConfig(String id, String dock, String link, String frames, int systemId, Signing signing) {

        /** A vehicle without signing. */
        public VehicleConfig(String id, String dock, String link, String frames, int systemId) {
            this(id, dock, link, frames, systemId, null);
        }

        /**
         * How the station reaches this vehicle over MAVLink (udp:// or tcp://): with signing, the key
         * is read from its file and the timestamps kept in {@code dataDir/signing/}, one file per
         * system id and link id (not per vehicle id, which is free text and no file name).
         */
        public org.skyshare.station.link.LinkConfig linkConfig(Path dataDir) {
            org.skyshare.station.link.LinkConfig cfg = org.skyshare.station.link.LinkConfig.of(link, systemId);
            if (signing == null) {
                return cfg;
            }
            return cfg.withSigning(org.skyshare.station.link.SigningKeyFile.read(signing.keyFile(), signing.linkId()),
                    dataDir.resolve("signing").resolve("vehicle-" + systemId + "-link-" + signing.linkId() + ".timestamp"));
        }
    }

    /**
     * MAVLink 2 signing of one vehicle's link: the station signs what it sends, and drops (and
     * counts) every frame from the vehicle that is unsigned or not signed with this key.
     *
     * @param keyFile the 32-byte secret key shared with the vehicle (raw, 64 hex digits or base64)
     * @param linkId  the link id the station signs with (0..255)
     */
    public record Signing(Path keyFile, int linkId) {
    }
}
