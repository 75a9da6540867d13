package org.skyshare.station.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private TestBroker broker;
    private StationDatabase db;
    private AlertPipeline pipeline;

    /** The terminal running on its own thread: keys typed into it, what it printed. */
    private static final class Terminal {
        final PipedOutputStream keys = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final AgencyCommand cmd;
        final CompletableFuture<Integer> run;

        Terminal(String... args) throws Exception {
            cmd = new AgencyCommand(new PipedInputStream(keys), new PrintStream(screen, true, StandardCharsets.UTF_8));
            run = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute(args));
            awaitScreen("waiting for alerts", Duration.ofSeconds(20));
        }

        String screen() {
            return screen.toString(StandardCharsets.UTF_8);
        }

        void awaitScreen(String text, Duration timeout) {
            assertThat(Waits.until(() -> screen().contains(text), timeout)).as("'%s' on screen: %s", text, screen()).isTrue();
        }

        void type(String lines) throws Exception {
            keys.write(lines.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        void quit() throws Exception {
            type("quit\n");
            assertThat(run.get(20, TimeUnit.SECONDS)).isZero();
        }
    }

    private void reportFire(String id) {
        pipeline.service().report(HazardReport.point(id, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, 30.39, 119.80, Instant.now()));
    }

    @BeforeEach
    void startBrokerAndStation() {
        broker = TestBroker.create(TestBroker.Kind.EMBEDDED, dir);
        broker.start();
        db = StationDatabase.openEmbedded(dir.resolve("station"));
        pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(), AlertSettings.defaults("st1").withAutoConfirm(0.5),
                broker.stationEndpoint());
    }

    @AfterEach
    void stopStationAndBroker() {
        pipeline.close();
        db.close();
        broker.close();
    }

    @Test
    void agencySeesItsAlertAndAcknowledgesAndResolvesIt() throws Exception {
        Terminal t = new Terminal("--name", "forestry", "--broker", broker.url(), "--password",
                TestBroker.password("forestry"), "--by", "Li Wei");

        reportFire("fire-1");
        assertThat(Waits.until(() -> t.cmd.shownCount() == 1, Duration.ofSeconds(20))).isTrue();
        assertThat(t.screen()).contains("[1] ", "Severe Forest fire", "Alert");

        t.type("hello\nack 1 on our way\nresolve 1 put out\n");
        assertThat(Waits.until(() -> pipeline.service().incident("fire-1").orElseThrow().state()
                == IncidentState.RESOLVED, Duration.ofSeconds(20))).isTrue();
        assertThat(t.screen()).contains("unknown command 'hello'");
        assertThat(pipeline.service().history("fire-1")).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("Li Wei");
            assertThat(e.note()).isEqualTo("acknowledged: on our way");
        });
        t.quit();
    }

    @Test
    void terminalReconnectsWhenTheBrokerComesBackAndShowsLaterAlerts() throws Exception {
        Terminal t = new Terminal("--name", "forestry", "--broker", broker.url(), "--password",
                TestBroker.password("forestry"));
        reportFire("fire-1");
        assertThat(Waits.until(() -> t.cmd.shownCount() == 1, Duration.ofSeconds(20))).isTrue();

        broker.stop();
        t.awaitScreen("lost; reconnecting", Duration.ofSeconds(20));
        t.type("ack 1\n");
        // an answer while disconnected says it was not sent
        t.awaitScreen("ack was not sent, try again", Duration.ofSeconds(20));
        broker.start();
        t.awaitScreen("reconnected to", Duration.ofSeconds(30));

        reportFire("fire-2");
        assertThat(Waits.until(() -> t.cmd.shownCount() == 2, Duration.ofSeconds(30))).as(t.screen()).isTrue();
        t.quit();
    }
}
