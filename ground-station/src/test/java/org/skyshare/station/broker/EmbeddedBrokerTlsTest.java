package org.skyshare.station.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.mqtt.AlertPipeline;
import org.skyshare.station.mqtt.MqttEndpoint;
import org.skyshare.station.mqtt.Ports;
import org.skyshare.station.mqtt.TestBroker;
import org.skyshare.station.mqtt.TestSubscriber;
import org.skyshare.station.mqtt.Waits;
import org.skyshare.station.store.StationDatabase;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The station reaches the embedded broker over TLS, trusting the broker's certificate. */
class EmbeddedBrokerTlsTest {
    @TempDir
    Path dir;

    @Test
    void stationPublishesOverTls() throws Exception {
        Path ks = dir.resolve("broker.p12");
        String pw = "changeit-123";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", pw, "-keypass", pw)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            trust.load(in, pw.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        int port = Ports.free();
        int tlsPort = Ports.free();
        try (EmbeddedBroker broker = EmbeddedBroker.start(new EmbeddedBroker.Settings("127.0.0.1", port, tlsPort, ks, pw),
                TestBroker.ACCOUNTS, new TopicAcl(TestBroker.TOPICS))) {
            assertThat(broker.tlsUrl()).isEqualTo("ssl://127.0.0.1:" + tlsPort);
            try (TestSubscriber forestry = new TestSubscriber(broker.url(), "forestry", TestBroker.password("forestry"),
                    false, TestBroker.TOPICS.alerts("forestry"));
                 StationDatabase db = StationDatabase.openEmbedded(dir.resolve("station"));
                 AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                         AlertSettings.defaults("st1").withAutoConfirm(0.5),
                         new MqttEndpoint(broker.tlsUrl(), "station-st1", "station",
                                 TestBroker.password("station").toCharArray(), ssl.getSocketFactory(), null))) {
                assertThat(Waits.until(pipeline.publisher()::isConnected, Duration.ofSeconds(30)))
                        .as(pipeline.publisher().lastError()).isTrue();
                pipeline.service().report(HazardReport.point("tls-fire", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.39, 119.8, Instant.now()));
                assertThat(forestry.awaitCapIds(1, Duration.ofSeconds(30))).isTrue();
                assertThat(forestry.capIds).containsKey("st1.tls-fire.forestry.r0");
            }
        }
    }
}
