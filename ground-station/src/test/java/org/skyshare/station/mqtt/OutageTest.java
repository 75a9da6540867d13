package org.skyshare.station.mqtt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.mqtt.TestBroker.TOPICS;
import static org.skyshare.station.mqtt.TestBroker.password;

/**
 * The broker is stopped for 30 s while 1,000 alerts are raised, then started again: every alert
 * reaches the broker (and, with Mosquitto, the agency's durable session) and the store holds each
 * once.
 */
class OutageTest {
    static final int ALERTS = 1_000;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void everyAlertRaisedDuringABrokerOutageIsDeliveredOnce(TestBroker.Kind kind) throws Exception {
        Assumptions.assumeTrue(kind == TestBroker.Kind.EMBEDDED || MosquittoBroker.installed(),
                "Mosquitto is not installed (./skyshare test installs it)");
        try (TestBroker broker = TestBroker.create(kind, dir.resolve("broker"))) {
            broker.start();
            boolean durableAgency = kind == TestBroker.Kind.MOSQUITTO;
            TestSubscriber forestry = durableAgency
                    ? new TestSubscriber(broker.url(), "forestry", password("forestry"), true, TOPICS.alerts("forestry"))
                    : null;
            try (StationDatabase db = StationDatabase.openEmbedded(dir.resolve("station"));
                 AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                         AlertSettings.defaults("st1").withAutoConfirm(0.5), broker.stationEndpoint())) {
                assertThat(Waits.until(pipeline.publisher()::isConnected, Duration.ofSeconds(30))).isTrue();

                broker.stop();
                long stoppedAt = System.nanoTime();
                assertThat(Waits.until(() -> !pipeline.publisher().isConnected(), Duration.ofSeconds(30))).isTrue();
                Random random = new Random(7);
                Instant t = Instant.parse("2026-11-23T12:00:00Z");
                for (int i = 0; i < ALERTS; i++) {
                    pipeline.service().report(HazardReport.point("fire-" + i, HazardKind.FIRE, HazardSeverity.SEVERE,
                            0.9, 30.3 + random.nextDouble() * 0.1, 119.7 + random.nextDouble() * 0.1, t.plusSeconds(i)));
                }
                AlertStore store = pipeline.service().store();
                assertThat(store.countPending()).isEqualTo(2L * ALERTS);

                // the outage lasts at least OUTAGE: long enough for the publisher's reconnect attempts to
                // back off to their longest interval (a duration of the scenario, not a wait for an event)
                long left = OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000);
                }
                broker.start();
                assertThat(pipeline.publisher().awaitDrained(Duration.ofSeconds(90)))
                        .as("outbox drained; last error: %s", pipeline.publisher().lastError()).isTrue();
                assertThat(store.countAlerts()).isEqualTo(ALERTS);
                assertThat(store.countOutbox()).isEqualTo(2L * ALERTS);
                assertThat(store.countPending()).isZero();
                if (broker.acceptedCapIds() != null) {
                    assertThat(Waits.until(() -> broker.acceptedCapIds().size() == ALERTS, Duration.ofSeconds(30))).isTrue();
                }
                if (forestry != null) {
                    assertThat(forestry.awaitCapIds(ALERTS, Duration.ofSeconds(60)))
                            .as("agency received %d", forestry.capIds.size()).isTrue();
                    assertThat(forestry.capIds.keySet()).allMatch(id -> id.startsWith("st1.fire-") && id.endsWith(".forestry.r0"));
                }
            } finally {
                if (forestry != null) {
                    forestry.close();
                }
            }
        }
    }
}
