package org.skyshare.station.cli;

import me.tongfei.progressbar.ProgressBar;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.broker.TopicAcl;
import org.skyshare.station.mqtt.AlertPipeline;
import org.skyshare.station.mqtt.MqttEndpoint;
import org.skyshare.station.routing.HazardSite;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.store.StationDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code skyshare bench alerts}: alerts per second from incident to broker acceptance, with the
 * embedded SQLite database and the embedded broker on loopback. Every alert is a severe forest fire:
 * routed to forestry, emergency and the forest farm, so 6 MQTT messages (CAP + GeoJSON each).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts per second from incident to broker acceptance, persistence on.")
public class AlertBench implements Callable<Integer> {
    @Option(names = "--alerts", defaultValue = "2000", description = "incidents to raise (default: ${DEFAULT-VALUE})")
    int alerts;

    @Option(names = "--seed", defaultValue = "1", description = "random seed for positions (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dir", description = "folder for the benchmark's database (default: a temporary folder, deleted after)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (alerts < 1) {
            throw new IllegalArgumentException("--alerts must be at least 1, got " + alerts);
        }
        boolean temporary = dir == null;
        Path data = temporary ? Files.createTempDirectory("skyshare-bench-alerts") : dir;
        String password = UUID.randomUUID().toString();
        BrokerAccounts accounts = new BrokerAccounts(List.of(new BrokerAccount("station", password, BrokerRole.STATION)));
        int port = freePort();
        AlertSettings settings = AlertSettings.defaults("bench").withAutoConfirm(0.5).withCapStatus("Test");
        Router router = new Router(RoutingRulesFile.defaults(), p -> new HazardSite("forestry", Set.of("forest"),
                Map.of("forest", 0.0, "power_line", 5_000.0)));
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Settings.plain("127.0.0.1", port), accounts,
                new TopicAcl(new org.skyshare.station.alert.AlertTopics(settings.stationId())));
             StationDatabase db = StationDatabase.openEmbedded(data);
             AlertPipeline pipeline = AlertPipeline.start(db, router, settings,
                     new MqttEndpoint(broker.url(), "station-bench", "station", password.toCharArray(), null, null))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!pipeline.publisher().isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the benchmark's station did not connect to its broker: "
                            + pipeline.publisher().lastError());
                }
                Thread.onSpinWait();
            }
            Random random = new Random(seed);
            Instant t = Instant.parse("2026-11-23T12:00:00Z");
            long start = System.nanoTime();
            try (ProgressBar bar = new ProgressBar("alerts raised", alerts)) {
                for (int i = 0; i < alerts; i++) {
                    pipeline.service().report(HazardReport.point("bench-" + i, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                            30.3 + random.nextDouble() * 0.1, 119.7 + random.nextDouble() * 0.1, t.plusSeconds(i)));
                    bar.step();
                }
            }
            long raised = System.nanoTime();
            if (!pipeline.publisher().awaitDrained(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the broker did not accept every alert within 10 minutes: "
                        + pipeline.publisher().lastError());
            }
            long done = System.nanoTime();
            long messages = pipeline.service().store().countOutbox();
            double total = (done - start) / 1e9;
            System.out.printf(Locale.ROOT, "alerts: %d incidents, %d MQTT messages (%s, QoS 1), SQLite file database (WAL, synchronous=FULL)%n",
                    alerts, messages, pipeline.publisher().protocol());
            System.out.printf(Locale.ROOT, "stored (report -> outbox committed): %.0f incidents/s%n",
                    alerts / ((raised - start) / 1e9));
            System.out.printf(Locale.ROOT, "incident to broker acceptance: %.1f s, %.0f incidents/s, %.0f messages/s%n",
                    total, alerts / total, messages / total);
        } finally {
            if (temporary) {
                deleteTree(data);
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
