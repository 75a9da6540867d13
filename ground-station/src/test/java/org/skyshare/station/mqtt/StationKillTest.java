package org.skyshare.station.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.store.StationDatabase;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.mqtt.TestBroker.TOPICS;
import static org.skyshare.station.mqtt.TestBroker.password;

/** A station process killed with SIGKILL while alerts wait in its outbox delivers them after a restart. */
class StationKillTest {
    static final int ALERTS = 200;

    @TempDir
    Path dir;

    @Test
    void alertsInTheOutboxOfAKilledStationAreDeliveredAfterRestart() throws Exception {
        Path data = dir.resolve("station");
        String deadBroker = "tcp://127.0.0.1:" + Ports.free();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StationChildMain.class.getName(), data.toString(), deadBroker, Integer.toString(ALERTS))
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null) {
                        if (l.startsWith("QUEUED ")) {
                            return l;
                        }
                    }
                    return "child ended";
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }).get(90, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("QUEUED " + 2 * ALERTS);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no orderly close of the database
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        try (TestBroker broker = TestBroker.create(TestBroker.Kind.EMBEDDED, dir.resolve("broker"))) {
            broker.start();
            try (TestSubscriber forestry = new TestSubscriber(broker.url(), "forestry", password("forestry"), false,
                    TOPICS.alerts("forestry"));
                 StationDatabase db = StationDatabase.openEmbedded(data)) {
                assertThat(new org.skyshare.station.store.AlertStore(db).countPending()).isEqualTo(2L * ALERTS);
                try (AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                        AlertSettings.defaults("st1").withAutoConfirm(0.5), broker.stationEndpoint())) {
                    assertThat(pipeline.publisher().awaitDrained(Duration.ofSeconds(60))).isTrue();
                    assertThat(forestry.awaitCapIds(ALERTS, Duration.ofSeconds(30))).isTrue();
                    assertThat(pipeline.service().store().countAlerts()).isEqualTo(ALERTS);
                    assertThat(forestry.capIds.keySet()).allMatch(id -> id.startsWith("st1.killed-"));
                    assertThat(List.copyOf(forestry.capIds.values())).allMatch(count -> count == 1);
                }
            }
        }
    }
}
