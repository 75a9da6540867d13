package org.skyshare.station.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;
import org.skyshare.station.broker.TopicAcl;
import org.skyshare.station.fleet.Drone;
import org.skyshare.station.fleet.DroneState;
import org.skyshare.station.mqtt.MosquittoBroker;
import org.skyshare.station.mqtt.OutboxPublisher;
import org.skyshare.station.mqtt.TestSubscriber;
import org.skyshare.station.mqtt.Waits;
import org.skyshare.station.report.PatrolReport;
import org.skyshare.station.report.PatrolReportWriter;
import org.skyshare.station.service.PatrolStation;
import org.skyshare.station.store.AlertStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's shared-flight patrol end to end, headless: simulated docked drones over MAVLink/UDP,
 * camera frames over UDP and MPEG-TS, vision, the alert service and the embedded MQTT broker, with
 * agencies subscribed as real MQTT clients. The changle drone's radio is cut mid-sortie; the autopilot
 * flies home on its own and the station resumes the sortie. The same patrol again through Mosquitto,
 * killed mid-patrol and started again: no alert is lost.
 */
class DemoPatrolEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TIME_FACTOR = 20;
    /** Five times the 1 s goal: catches a stuck frame path, not a slow machine. */
    private static final long SANITY_LATENCY_S = 5;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theFireAndTheFloodReachTheirAgenciesOnceAndTheRoofDoesNot(@TempDir Path out) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (DemoRun run = new DemoRun(out, TIME_FACTOR, 20261123, log::add)) {
            run.station().onProgress(log::add);
            run.fleet().onEvent(e -> log.add("  event " + e));
            Map<String, TestSubscriber> agencies = subscribe(run.brokerUrl(), false);
            try {
                run.start();

                // cut the changle drone's radio once it is a few items into its first fire sortie, for longer
                // than the link-loss timeout the station sets (10 s, wall clock as on a real autopilot)
                Drone changle = run.fleet().drones().stream().filter(d -> d.dock().id().equals("dock-changle-t18")).findFirst().orElseThrow();
                assertThat(Waits.until(() -> changle.state() == DroneState.AIRBORNE && changle.snapshot().lastCompletedSeq() >= 4,
                        Duration.ofMinutes(2))).as("changle drone airborne on its sortie; log: %s", log).isTrue();
                SimVehicle radio = run.simulator().bySystemId(changle.systemId());
                radio.dropLink(Duration.ofSeconds(14));
                assertThat(Waits.until(changle::linkLost, Duration.ofSeconds(5))).as("station notices the lost link").isTrue();

                awaitPatrolsFlownAndAlerted(run, agencies, log);
                assertFireFloodAndRoof(run, agencies);
                assertForestryOpensTheFireEvidenceAndWaterCannot(run, agencies);

                // the interrupted sortie was resumed, not lost
                assertThat(log).anySatisfy(l -> assertThat(l).contains("resuming sortie fire-watch-changle/"));
                assertThat(run.station().sortiesFlown()).anySatisfy(s -> assertThat(s.outcome()).isEqualTo("interrupted"));

                // every alert carries its frame-to-alert latency; the goal (1 s at the median, 2 s at the
                // 95th percentile) is measured by `./skyshare bench station` over dozens of alerts. A test
                // sees one or two alerts per kind on a machine shared with other work, so it only
                // bounds each one loosely: a frame stuck in a queue or a hung store shows, jitter does not
                List<PatrolStation.AlertLatency> latencies = run.station().latencies();
                assertThat(latencies).as("alerts raised by thermal frames").anySatisfy(l -> assertThat(l.thermal()).isTrue());
                assertThat(latencies).as("alerts raised by RGB video frames").anySatisfy(l -> assertThat(l.thermal()).isFalse());
                for (PatrolStation.AlertLatency l : latencies) {
                    System.out.printf("end-to-end: frame-to-alert %d ms (%s frame, %s)%n", l.micros() / 1000,
                            l.thermal() ? "thermal" : "RGB video", l.hazard());
                    assertThat(l.micros()).as("frame-to-alert of a %s alert, sanity bound %d s", l.hazard(), SANITY_LATENCY_S)
                            .isLessThan(SANITY_LATENCY_S * 1_000_000L);
                }
                PatrolReport report = run.station().report();
                PatrolReport.AreaCoverage fireCell = report.coverage().stream().filter(c -> c.assetId().equals("fire-watch-changle"))
                        .findFirst().orElseThrow();
                System.out.printf("end-to-end: fire-watch cell covered %.1f %%%n", 100 * fireCell.share());
                // covered area comes from the telemetry track; the 10 s the station was deaf before the
                // autopilot turned home leave a gap in it (the frames of that stretch did arrive), so
                // the figure here is a few percent under the 99.9-100 % of an uncut patrol
                assertThat(fireCell.share()).as("the patrolled cell's covered share").isGreaterThan(0.85);
                Path md = PatrolReportWriter.write(report, run.assets(), out, "patrol-report");
                assertThat(Files.readString(md)).contains("fire-watch-changle/dock-changle-t18-001").contains("| interrupted |")
                        .contains("| fire |").contains("| flood |");
            } finally {
                agencies.values().forEach(TestSubscriber::close);
            }
        }
    }

    /**
     * The same patrol with alerts through Debian's Mosquitto, which is killed (SIGKILL) once the
     * drones are out and kept down until the station has raised an alert it cannot send; then
     * started again. Agencies hold durable sessions, as a real agency client would.
     */
    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aBrokerKilledMidPatrolLosesNoAlert(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.installed(), "Mosquitto is not installed (./skyshare test installs it)");
        List<String> log = new CopyOnWriteArrayList<>();
        String stationPassword = "station-" + Long.toHexString(new Random(20261123).nextLong());
        List<BrokerAccount> accounts = new ArrayList<>();
        accounts.add(new BrokerAccount("station", stationPassword, BrokerRole.STATION));
        for (String agency : DemoRun.AGENCIES) {
            accounts.add(new BrokerAccount(agency, DemoRun.agencyPassword(agency), BrokerRole.AGENCY));
        }
        try (MosquittoBroker mosquitto = new MosquittoBroker(out.resolve("mosquitto"), new BrokerAccounts(accounts),
                new TopicAcl(new AlertTopics(DemoRun.STATION_ID))).start();
             DemoRun run = new DemoRun(out.resolve("station"), TIME_FACTOR, 20261124,
                     new DemoRun.BrokerLogin(mosquitto.url(), "station", stationPassword), log::add)) {
            run.station().onProgress(log::add);
            run.fleet().onEvent(e -> log.add("  event " + e));
            Map<String, TestSubscriber> agencies = subscribe(mosquitto.url(), true);
            try {
                OutboxPublisher outbox = run.alerts().pipeline().publisher();
                AlertStore store = run.alerts().pipeline().service().store();
                run.start();
                assertThat(Waits.until(outbox::isConnected, Duration.ofSeconds(30))).as("station connected to Mosquitto").isTrue();
                assertThat(Waits.until(() -> run.fleet().drones().stream().anyMatch(d -> d.state() == DroneState.AIRBORNE
                        && d.snapshot().lastCompletedSeq() >= 2), Duration.ofMinutes(2))).as("a drone out on its sortie").isTrue();
                assertThat(store.countAlerts()).as("no alert yet when the broker dies").isZero();

                mosquitto.kill();
                long killedAt = System.nanoTime();
                log.add("test: broker killed");
                assertThat(Waits.until(() -> !outbox.isConnected(), Duration.ofSeconds(30))).as("station sees the broker gone").isTrue();
                assertThat(Waits.until(() -> store.countPending() > 0, Duration.ofMinutes(5)))
                        .as("an alert raised while the broker is down; log:%n%s", String.join("\n", log)).isTrue();
                long alertsDuringOutage = store.countAlerts();
                mosquitto.start();
                System.out.printf("end-to-end: broker down %.0f s; %d alert(s) raised meanwhile%n",
                        (System.nanoTime() - killedAt) / 1e9, alertsDuringOutage);

                awaitPatrolsFlownAndAlerted(run, agencies, log);
                assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).as("outbox drained; last error: %s", outbox.lastError()).isTrue();
                assertFireFloodAndRoof(run, agencies);
                // every alert the store holds reached the agencies it was for: nothing lost in the outage
                long capIdsReceived = agencies.values().stream().mapToLong(a -> a.capIds.size()).sum();
                assertThat(capIdsReceived).as("CAP alerts received by agencies vs alerts stored").isEqualTo(store.countAlerts());
                assertThat(agencies.values().stream().flatMap(a -> a.capIds.values().stream()))
                        .as("each CAP message once").allMatch(n -> n == 1);
                System.out.printf("end-to-end: %d CAP alerts stored, %d received by agencies after the broker's kill%n",
                        store.countAlerts(), capIdsReceived);
            } finally {
                agencies.values().forEach(TestSubscriber::close);
            }
        }
    }

    /** The fire's evidence link opens over HTTPS for forestry (bytes as the CAP digest says); reused by water, it is refused. */
    private static void assertForestryOpensTheFireEvidenceAndWaterCannot(DemoRun run, Map<String, TestSubscriber> agencies)
            throws Exception {
        String link = fireAlerts(agencies.get("forestry")).get(0).at("/properties/evidence").asText();
        assertThat(link).as("the fire's evidence link").startsWith("https://127.0.0.1:" + run.receivers().evidencePort()
                + "/evidence/").contains("agency=forestry");
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(run.receivers().tls().trustStore());
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ctx).build();
        java.net.http.HttpResponse<byte[]> ok = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).as("forestry opens its evidence").isEqualTo(200);
        assertThat(ok.body().length).isGreaterThan(1000);
        java.net.http.HttpResponse<byte[]> water = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(link.replace("agency=forestry", "agency=water"))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(water.statusCode()).as("water reusing forestry's link").isEqualTo(403);
    }

    private static Map<String, TestSubscriber> subscribe(String url, boolean durable) throws Exception {
        AlertTopics topics = new AlertTopics(DemoRun.STATION_ID);
        Map<String, TestSubscriber> agencies = new LinkedHashMap<>();
        for (String agency : DemoRun.AGENCIES) {
            agencies.put(agency, new TestSubscriber(url, agency, DemoRun.agencyPassword(agency), durable,
                    topics.alerts(agency) + "/#", topics.alerts(agency)));
        }
        return agencies;
    }

    private static void awaitPatrolsFlownAndAlerted(DemoRun run, Map<String, TestSubscriber> agencies, List<String> log) {
        boolean done = Waits.until(() -> anyFault(run) || fireAlerts(agencies.get("forestry")).size() > 0
                        && floodAlerts(agencies.get("water")).size() > 0
                        && floodAlerts(agencies.get("emergency")).size() > 0
                        && run.station().sortiesFlown().size() >= 5
                        && run.station().sortiesWaiting() == 0 && run.station().sortiesInFlight() == 0,
                Duration.ofMinutes(9));
        assertThat(done).as("fire and flood alerted and both patrols flown; log:%n%s", String.join("\n", log)).isTrue();
        assertThat(anyFault(run)).as("a drone in fault; log:%n%s%nsimulator: %s", String.join("\n", log),
                run.simulator().vehicles().stream().map(v -> v.state().toString()).toList()).isFalse();
    }

    /** The fire once to forestry within 15 m, nothing near the roofs, the flood to water and emergency only. */
    private static void assertFireFloodAndRoof(DemoRun run, Map<String, TestSubscriber> agencies) {
        GroundTruth truth = run.world().groundTruth();
        GroundTruth.FireTruth fire = truth.fires().get(0);
        GroundTruth.FloodTruth flood = truth.floods().get(0);

        // the fire: found, within 15 m, one incident alerted once (updates allowed)
        List<JsonNode> fireFeatures = fireAlerts(agencies.get("forestry"));
        List<String> fireIncidents = fireFeatures.stream().map(f -> f.at("/properties/incident").asText()).distinct().toList();
        assertThat(fireIncidents).as("one fire incident").hasSize(1);
        assertThat(fireFeatures.stream().filter(f -> f.at("/properties/msgType").asText().equals("Alert")).count())
                .as("one CAP Alert for the fire, the rest Updates").isEqualTo(1);
        for (JsonNode f : fireFeatures) {
            assertThat(distanceM(f, fire.latDeg(), fire.lonDeg())).as("fire alert position").isLessThan(15);
        }
        String capId = fireFeatures.get(0).at("/properties/capIdentifier").asText();
        assertThat(agencies.get("forestry").capIds).as("the CAP XML of the fire on the forestry topic").containsKey(capId);
        assertThat(agencies.get("forestry").capIds.get(capId)).as("sent once (no duplicate)").isEqualTo(1);

        // smoke, if seen, is the fire's (it drifts downwind), never somewhere else
        for (JsonNode f : features(agencies.get("forestry"))) {
            if (f.at("/properties/kind").asText().equals("smoke")) {
                assertThat(distanceM(f, fire.latDeg(), fire.lonDeg())).as("smoke alert near the fire").isLessThan(250);
            }
        }

        // the roof: nobody is alerted of anything near it
        for (GroundTruth.RoofTruth roof : truth.roofs()) {
            for (var e : agencies.entrySet()) {
                for (JsonNode f : features(e.getValue())) {
                    assertThat(distanceM(f, roof.latDeg(), roof.lonDeg())).as("%s alerted near roof %s: %s", e.getKey(), roof.id(), f)
                            .isGreaterThan(60);
                }
            }
        }

        // the flood: found on the flooded stretch, to water and emergency
        for (String agency : List.of("water", "emergency")) {
            for (JsonNode f : floodAlerts(agencies.get(agency))) {
                double toStretch = Math.min(distanceM(f, flood.centreLatDeg(), flood.centreLonDeg()),
                        Math.min(distanceM(f, flood.startLatDeg(), flood.startLonDeg()), distanceM(f, flood.endLatDeg(), flood.endLonDeg())));
                assertThat(toStretch).as("%s flood alert on the flooded stretch", agency).isLessThan(flood.lengthM() / 2 + flood.floodWidthM());
            }
        }
        assertThat(floodAlerts(agencies.get("forestry"))).as("forestry is not sent the flood").isEmpty();
    }

    private static boolean anyFault(DemoRun run) {
        return run.fleet().drones().stream().anyMatch(d -> d.state() == DroneState.FAULT);
    }

    private static List<JsonNode> features(TestSubscriber s) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < s.payloads.size() && i < s.topics.size(); i++) {
            if (s.topics.get(i).endsWith("/geojson")) {
                try {
                    out.add(JSON.readTree(s.payloads.get(i)));
                } catch (Exception e) {
                    throw new AssertionError("not GeoJSON on " + s.topics.get(i) + ": " + s.payloads.get(i), e);
                }
            }
        }
        return out;
    }

    private static List<JsonNode> fireAlerts(TestSubscriber s) {
        return features(s).stream().filter(f -> List.of("fire", "hotspot").contains(f.at("/properties/kind").asText())).toList();
    }

    private static List<JsonNode> floodAlerts(TestSubscriber s) {
        return features(s).stream().filter(f -> f.at("/properties/kind").asText().equals("flood")).toList();
    }

    /** Distance from a feature's point (or its polygon's first vertex) to a position. */
    private static double distanceM(JsonNode feature, double lat, double lon) {
        JsonNode g = feature.get("geometry");
        JsonNode c = g.get("type").asText().equals("Point") ? g.get("coordinates") : g.get("coordinates").get(0).get(0);
        return Geodesic.WGS84.Inverse(c.get(1).asDouble(), c.get(0).asDouble(), lat, lon).s12;
    }
}
