package org.skyshare.station.mqtt;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AgencyAction;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.routing.HazardLocator;
import org.skyshare.station.routing.HazardSite;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.store.AlertRecord;
import org.skyshare.station.store.StationDatabase;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.mqtt.TestBroker.AGENCIES;
import static org.skyshare.station.mqtt.TestBroker.CREW;
import static org.skyshare.station.mqtt.TestBroker.TOPICS;
import static org.skyshare.station.mqtt.TestBroker.password;

/** Alerts through a real broker (embedded Moquette, Debian Mosquitto) to agencies subscribed with their own logins. */
class DeliveryTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** Fires east of 119.85 lie 120 m from the line, the rest deep in a forest. */
    static final HazardLocator LOCATOR = p -> p.lonDeg() > 119.85
            ? new HazardSite("forestry", Set.of("forest"), Map.of("forest", 0.0, "power_line", 120.0))
            : new HazardSite("forestry", Set.of("forest"), Map.of("forest", 0.0, "power_line", 4_000.0));

    /** The shipped rules plus one that sends "other" to everybody: the last message each agency must see. */
    static Router router() throws Exception {
        String yaml;
        try (InputStream in = RoutingRulesFile.class.getResourceAsStream("routing.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        yaml += """
                  - name: sentinel
                    kinds: [other]
                    agencies: [forestry, water, emergency, power, forest-farm, grid]
                """;
        return new Router(RoutingRulesFile.parse("test rules", yaml), LOCATOR);
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void alertsReachOnlyTheRoutedAgenciesAndAnswersComeBack(TestBroker.Kind kind) throws Exception {
        Assumptions.assumeTrue(kind == TestBroker.Kind.EMBEDDED || MosquittoBroker.installed(),
                "Mosquitto is not installed (./skyshare test installs it)");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(AckReader.class)).addAppender(log);

        try (TestBroker broker = TestBroker.create(kind, dir.resolve("broker"))) {
            broker.start();
            Map<String, TestSubscriber> agencies = new HashMap<>();
            try (StationDatabase db = StationDatabase.openEmbedded(dir.resolve("station"));
                 AlertPipeline pipeline = AlertPipeline.start(db, router(), AlertSettings.defaults("st1")
                         .withAutoConfirm(0.8).withCrews(Map.of("forestry", List.of(CREW))), broker.stationEndpoint())) {
                for (String a : AGENCIES) {
                    agencies.put(a, new TestSubscriber(broker.url(), a, password(a), false, TOPICS.alerts(a) + "/#"));
                }
                TestSubscriber crew = new TestSubscriber(broker.url(), CREW, password(CREW), false, TOPICS.pins(CREW) + "/#");

                // water tries to read forestry's alerts: the broker refuses the subscription (Moquette) or
                // accepts it and never delivers (Mosquitto checks reads per message); either way nothing arrives
                // (water's own client: Mosquitto binds the client id to the login, so a second water
                // connection would take over the first)
                TestSubscriber water = agencies.get("water");
                TestSubscriber spy = water;
                boolean refused = false;
                try {
                    spy.subscribeOrThrow(TOPICS.alerts("forestry") + "/#");
                } catch (MqttException e) {
                    refused = true;
                }
                // forestry's name with water's password does not log in
                assertThatThrownBy(() -> new TestSubscriber(broker.url(), "forestry", password("water"), false, "#"))
                        .isInstanceOf(MqttException.class);

                Instant now = Instant.now();
                pipeline.service().report(HazardReport.point("fire-deep", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95,
                        30.39, 119.80, now));
                pipeline.service().report(HazardReport.point("fire-line", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95,
                        30.42, 119.86, now));
                pipeline.service().report(HazardReport.point("sentinel", HazardKind.OTHER, HazardSeverity.MODERATE, 0.95,
                        30.30, 119.70, now));
                String sentinel = pipeline.service().alertId("sentinel", "grid", 0);

                for (String a : AGENCIES) {
                    // CAP and GeoJSON per incident; the sentinel's pair comes last
                    assertThat(agencies.get(a).awaitMessages(2 * incidentsFor(a).size(), WAIT)).as(a).isTrue();
                    Set<String> incidents = agencies.get(a).capIds.keySet().stream()
                            .map(id -> id.split("\\.")[1]).collect(Collectors.toSet());
                    assertThat(incidents).as("incidents seen by " + a).isEqualTo(incidentsFor(a));
                    assertThat(agencies.get(a).distinctTopics()).as(a)
                            .containsExactlyInAnyOrder(TOPICS.alerts(a), TOPICS.alertsGeoJson(a));
                }
                assertThat(sentinel).endsWith(".grid.r0");
                assertThat(water.topics).noneMatch(t -> t.contains("/forestry"));
                assertThat(spy.awaitMessages(2, WAIT)).isTrue();
                assertThat(spy.topics).as("refused subscription: %s", refused).noneMatch(t -> t.contains("/forestry"));
                assertThat(crew.awaitTopic(TOPICS.pinsCot(CREW), WAIT)).isTrue();
                assertThat(crew.distinctTopics()).containsExactlyInAnyOrder(TOPICS.pins(CREW), TOPICS.pinsCot(CREW));

                // answers: malformed ones are rejected and logged, the station keeps going
                AlertRecord forestryAlert = pipeline.service().alerts("fire-deep").stream()
                        .filter(r -> r.agency().equals("forestry")).findFirst().orElseThrow();
                AlertRecord powerAlert = pipeline.service().alerts("fire-line").stream()
                        .filter(r -> r.agency().equals("power")).findFirst().orElseThrow();
                TestSubscriber forestry = agencies.get("forestry");
                forestry.publish(TOPICS.acks("forestry"), new byte[]{(byte) 0xff, 0x00, 0x13});
                forestry.publish(TOPICS.acks("forestry"), "{\"ackId\": 5}".getBytes(StandardCharsets.UTF_8));
                forestry.publish(TOPICS.acks("forestry"), "[1,2,3]".getBytes(StandardCharsets.UTF_8));
                forestry.publish(TOPICS.acks("forestry"), AckCodec.encode(new Acknowledgement("x1", powerAlert.id(),
                        "forestry", AgencyAction.RESOLVED, "mallory", Instant.now(), null)));
                forestry.publish(TOPICS.acks("forestry"), AckCodec.encode(new Acknowledgement("a1", forestryAlert.id(),
                        "forestry", AgencyAction.ACKNOWLEDGED, "Li Wei", Instant.now(), "crew on the way")));
                assertThat(Waits.until(() -> pipeline.acks().stored() == 1 && pipeline.acks().rejected() == 4, WAIT))
                        .as("stored %d, rejected %d", pipeline.acks().stored(), pipeline.acks().rejected()).isTrue();
                assertThat(pipeline.service().incident("fire-deep").orElseThrow().state()).isEqualTo(IncidentState.ACKNOWLEDGED);
                assertThat(pipeline.service().incident("fire-line").orElseThrow().state()).isEqualTo(IncidentState.DISPATCHED);
                assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("rejected message on "
                        + TOPICS.acks("forestry"))).hasSize(4);
                assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("not UTF-8"));
                assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("went to power"));
                assertThat(pipeline.publisher().isConnected()).isTrue();
                agencies.values().forEach(TestSubscriber::close);
                crew.close();
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(AckReader.class)).detachAppender(log);
        }
    }

    private static void spySubscribe(TestSubscriber spy, String filter) throws MqttException {
        spy.subscribeOrThrow(filter);
    }

    static Set<String> incidentsFor(String agency) {
        return switch (agency) {
            case "forestry", "emergency", "forest-farm" -> Set.of("fire-deep", "fire-line", "sentinel");
            case "power" -> Set.of("fire-line", "sentinel");
            default -> Set.of("sentinel");
        };
    }
}
