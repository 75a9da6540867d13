package org.skyshare.station.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.mqtt.AlertPipeline;
import org.skyshare.station.mqtt.TestBroker;
import org.skyshare.station.mqtt.Waits;
import org.skyshare.station.store.StationDatabase;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The agency terminal against the embedded broker: shows the alert, sends the answers, the station records them. */
class AgencyCommandTest {
    @TempDir
    Path dir;

    @Test
    void agencySeesItsAlertAndAcknowledgesAndResolvesIt() throws Exception {
        try (TestBroker broker = TestBroker.create(TestBroker.Kind.EMBEDDED, dir)) {
            broker.start();
            try (StationDatabase db = StationDatabase.openEmbedded(dir.resolve("station"));
                 AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                         AlertSettings.defaults("st1").withAutoConfirm(0.5), broker.stationEndpoint())) {
                PipedOutputStream keys = new PipedOutputStream();
                PipedInputStream in = new PipedInputStream(keys);
                ByteArrayOutputStream screen = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
                AgencyCommand cmd = new AgencyCommand(in, out);
                CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute(
                        "--name", "forestry", "--broker", broker.url(), "--password", TestBroker.password("forestry"),
                        "--by", "Li Wei"));
                assertThat(Waits.until(() -> screen.toString(StandardCharsets.UTF_8).contains("waiting for alerts"),
                        Duration.ofSeconds(20))).as(screen.toString(StandardCharsets.UTF_8)).isTrue();

                pipeline.service().report(HazardReport.point("fire-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.39, 119.80, Instant.now()));
                assertThat(Waits.until(() -> cmd.shownCount() == 1, Duration.ofSeconds(20))).isTrue();
                assertThat(screen.toString(StandardCharsets.UTF_8)).contains("[1] ", "Severe Forest fire", "Alert");

                keys.write("hello\nack 1 on our way\nresolve 1 put out\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertThat(Waits.until(() -> pipeline.service().incident("fire-1").orElseThrow().state()
                        == IncidentState.RESOLVED, Duration.ofSeconds(20))).isTrue();
                assertThat(screen.toString(StandardCharsets.UTF_8)).contains("unknown command 'hello'");
                assertThat(pipeline.service().history("fire-1")).anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("Li Wei");
                    assertThat(e.note()).isEqualTo("acknowledged: on our way");
                });
                keys.write("quit\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertThat(run.get(20, TimeUnit.SECONDS)).isZero();
            }
        }
    }

    @Test
    void terminalReconnectsWhenTheBrokerComesBackAndShowsLaterAlerts() throws Exception {
        try (TestBroker broker = TestBroker.create(TestBroker.Kind.EMBEDDED, dir)) {
            broker.start();
            try (StationDatabase db = StationDatabase.openEmbedded(dir.resolve("station"));
                 AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                         AlertSettings.defaults("st1").withAutoConfirm(0.5), broker.stationEndpoint())) {
                PipedOutputStream keys = new PipedOutputStream();
                PipedInputStream in = new PipedInputStream(keys);
                ByteArrayOutputStream screen = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
                AgencyCommand cmd = new AgencyCommand(in, out);
                CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute(
                        "--name", "forestry", "--broker", broker.url(), "--password", TestBroker.password("forestry")));
                assertThat(Waits.until(() -> screen.toString(StandardCharsets.UTF_8).contains("waiting for alerts"),
                        Duration.ofSeconds(20))).as(screen.toString(StandardCharsets.UTF_8)).isTrue();

                pipeline.service().report(HazardReport.point("fire-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.39, 119.80, Instant.now()));
                assertThat(Waits.until(() -> cmd.shownCount() == 1, Duration.ofSeconds(20))).isTrue();

                broker.stop();
                assertThat(Waits.until(() -> screen.toString(StandardCharsets.UTF_8).contains("lost; reconnecting"),
                        Duration.ofSeconds(20))).as(screen.toString(StandardCharsets.UTF_8)).isTrue();
                keys.write("ack 1\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertThat(Waits.until(() -> screen.toString(StandardCharsets.UTF_8).contains("ack was not sent, try again"),
                        Duration.ofSeconds(20))).as("an answer while disconnected says it was not sent: %s", screen).isTrue();
                broker.start();
                assertThat(Waits.until(() -> screen.toString(StandardCharsets.UTF_8).contains("reconnected to"),
                        Duration.ofSeconds(30))).as(screen.toString(StandardCharsets.UTF_8)).isTrue();

                pipeline.service().report(HazardReport.point("fire-2", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.39, 119.80, Instant.now()));
                assertThat(Waits.until(() -> cmd.shownCount() == 2, Duration.ofSeconds(30)))
                        .as(screen.toString(StandardCharsets.UTF_8)).isTrue();
                keys.write("quit\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertThat(run.get(20, TimeUnit.SECONDS)).isZero();
            }
        }
    }
}
