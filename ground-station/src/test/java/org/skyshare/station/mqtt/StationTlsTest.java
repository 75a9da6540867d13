package org.skyshare.station.mqtt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.config.StationConfigFile;
import org.skyshare.station.broker.TopicAcl;
import org.skyshare.station.routing.RoutingRulesFile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station as a client of Debian's Mosquitto over TLS, configured from its station file
 * ({@code broker_tls: ca_file}), with a self-signed certificate made in the test; and the same
 * station without the broker's certificate in its trust refusing to connect.
 */
class StationTlsTest {
    private static final String KEY_PASSWORD = "changeit-123";

    @TempDir
    Path dir;

    @Test
    void theStationPublishesToMosquittoOverTlsTrustingThePemFromItsConfig() throws Exception {
        if (!MosquittoBroker.installed()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Mosquitto is not installed: " + MosquittoBroker.BINARY + " (./skyshare test installs it)");
            }
            Assumptions.abort("Mosquitto is not installed (./skyshare test installs it)");
        }
        Path cert = dir.resolve("broker.pem");
        Path key = dir.resolve("broker.key");
        selfSignedPem(cert, key);

        try (MosquittoBroker mosquitto = new MosquittoBroker(dir.resolve("mosquitto"), TestBroker.ACCOUNTS,
                new TopicAcl(TestBroker.TOPICS), cert, key).start();
             TestSubscriber forestry = new TestSubscriber(mosquitto.url(), "forestry", TestBroker.password("forestry"), false,
                     TestBroker.TOPICS.alerts("forestry"))) {
            StationConfig config = StationConfigFile.read(writeConfig(mosquitto.tlsUrl(), "broker_tls: {ca_file: broker.pem}\n"));
            assertThat(config.brokerTls().caFile()).isEqualTo(cert);
            try (StationAlerts alerts = StationAlerts.start(config, RoutingRulesFile.defaults(), null, null)) {
                assertThat(Waits.until(alerts.pipeline().publisher()::isConnected, Duration.ofSeconds(30)))
                        .as("connected over TLS; last error %s; Mosquitto log:%n%s", alerts.pipeline().publisher().lastError(),
                                Files.exists(mosquitto.log()) ? Files.readString(mosquitto.log()) : "").isTrue();
                assertThat(alerts.brokerUrl()).startsWith("ssl://");
                alerts.pipeline().service().report(HazardReport.point("tls-fire", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95,
                        30.39, 119.80, Instant.now()));
                assertThat(forestry.awaitCapIds(1, Duration.ofSeconds(30))).isTrue();
                assertThat(forestry.capIds.keySet()).anyMatch(id -> id.startsWith("st1.tls-fire.forestry"));
            }

            // without the broker's certificate (the JVM's authorities only) the station does not connect
            StationConfig untrusting = StationConfigFile.read(writeConfig(mosquitto.tlsUrl(), ""));
            try (StationAlerts alerts = StationAlerts.start(untrusting, RoutingRulesFile.defaults(), null, null)) {
                assertThat(Waits.until(() -> alerts.pipeline().publisher().lastError() != null, Duration.ofSeconds(30))).isTrue();
                assertThat(alerts.pipeline().publisher().isConnected()).isFalse();
            }
        }
    }

    private Path writeConfig(String brokerUrl, String tls) throws Exception {
        Path data = Files.createTempDirectory(dir, "station");
        Files.writeString(dir.resolve("patrols.yaml"), "patrols: []\n");
        Path file = dir.resolve("station-" + data.getFileName() + ".yaml");
        Files.writeString(file, """
                station: st1
                assets: [%s]
                patrols: patrols.yaml
                broker: %s
                broker_username: station
                broker_password: %s
                data_dir: %s
                vehicles:
                  - {id: drone-1, dock: dock-jingshan-sub, link: "udp://127.0.0.1:14540"}
                %s""".formatted(WorldBuilder.defaultAssets().toAbsolutePath(), brokerUrl, TestBroker.password("station"),
                data.getFileName(), tls));
        return file;
    }

    /** A self-signed certificate for 127.0.0.1 from keytool, written as PEM certificate and PKCS#8 key. */
    private void selfSignedPem(Path certPem, Path keyPem) throws Exception {
        Path ks = dir.resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", KEY_PASSWORD, "-keypass", KEY_PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, KEY_PASSWORD.toCharArray());
        }
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(store.getCertificate("broker").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(store.getKey("broker", KEY_PASSWORD.toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }
}
