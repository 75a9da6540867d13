package org.skyshare.station.broker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.mqtt.MosquittoBroker;
import org.skyshare.station.mqtt.TestBroker;
import org.skyshare.station.mqtt.Waits;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.mqtt.TestBroker.TOPICS;
import static org.skyshare.station.mqtt.TestBroker.password;

/**
 * An agency login attacking the broker, on the embedded broker and on Debian's Mosquitto with the
 * files {@code skyshare mosquitto-files} writes: a Last Will on topics it may not publish to, the
 * station's client id, retained messages on others' topics, QoS 1 and 2 publishes it may not make.
 * Each attack fails, the station sees nothing forged and stays connected, and each refusal is
 * logged (and counted, on the embedded broker).
 */
class BrokerAttacksTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The client id the station uses (its login, then its id). */
    private static final String STATION_CLIENT_ID = "station-" + TestBroker.STATION;

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger("broker")).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("broker")).detachAppender(log);
    }

    private TestBroker start(TestBroker.Kind kind) {
        if (kind == TestBroker.Kind.MOSQUITTO && !MosquittoBroker.installed()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Mosquitto is not installed: " + MosquittoBroker.BINARY + " (./skyshare test installs it)");
            }
            Assumptions.abort("Mosquitto is not installed (./skyshare test installs it)");
        }
        TestBroker broker = TestBroker.create(kind, dir.resolve("broker"));
        broker.start();
        return broker;
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void aLastWillOnTopicsTheLoginMayNotPublishToIsRefused(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = start(kind); Client station = Client.connect(broker.url(), STATION_CLIENT_ID, "station")) {
            station.subscribe(TOPICS.base() + "/#");
            record Will(String topic, String payload, boolean retained) {
            }
            List<Will> wills = List.of(
                    new Will(TOPICS.acks("water"), "{\"alertId\":\"st1.fire.water.r0\",\"action\":\"resolved\",\"by\":\"forged\"}", false),
                    new Will(TOPICS.alerts("water"), "forged alert text", false),
                    new Will(TOPICS.status(), "{\"station\":\"st1\",\"state\":\"offline\",\"forged\":true}", true));
            for (Will w : wills) {
                MqttConnectOptions o = options("forestry");
                o.setWill(w.topic(), w.payload().getBytes(StandardCharsets.UTF_8), 1, w.retained());
                MqttClient attacker = new MqttClient(broker.url(), "forestry-will", new MemoryPersistence());
                if (kind == TestBroker.Kind.EMBEDDED) {
                    // refused at CONNECT
                    assertThatThrownBy(() -> attacker.connect(o)).as("a will on %s", w.topic())
                            .isInstanceOfSatisfying(MqttException.class, e ->
                                    assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
                } else {
                    // Mosquitto takes the client in and checks the will against the ACL when it fires
                    attacker.connect(o);
                    dropWithoutDisconnect(attacker);
                }
                attacker.close(true);
            }
            // the control: a will on forestry's own acks topic is published when its client vanishes
            MqttConnectOptions o = options("forestry");
            o.setWill(TOPICS.acks("forestry"), "allowed will".getBytes(StandardCharsets.UTF_8), 1, false);
            MqttClient allowed = new MqttClient(broker.url(), "forestry-will", new MemoryPersistence());
            allowed.connect(o);
            dropWithoutDisconnect(allowed);
            allowed.close(true);
            assertThat(station.await("allowed will")).isTrue();

            station.publishAndAwait(TOPICS.status(), "sentinel");
            assertThat(station.payloads).noneMatch(p -> p.contains("forged"));
            assertThat(station.lost.get()).isZero();
            if (kind == TestBroker.Kind.EMBEDDED) {
                assertRefusals(broker, BrokerRefusals.Kind.WILL, 3, null);
            } else {
                // Mosquitto 2.0.11 drops a will its ACL refuses without a log line of its own; its log
                // shows the wills it took in and that it never sent them on
                assertThat(count(broker.log(), Pattern.compile("Will message specified"))).isEqualTo(4);
                assertThat(count(broker.log(), Pattern.compile("Sending PUBLISH to station .*'skyshare/v1/st1/"
                        + "(acks/water|alerts/water)'"))).as(tail(broker.log())).isZero();
            }
        }
    }

    /** Closes the connection without DISCONNECT, as a client that crashed or lost its network: the will fires. */
    private static void dropWithoutDisconnect(MqttClient client) throws MqttException {
        client.disconnectForcibly(0, 1000, false);
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void anotherLoginCannotTakeTheStationsClientIdAndKnockItOff(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = start(kind); Client station = Client.connect(broker.url(), STATION_CLIENT_ID, "station")) {
            station.subscribe(TOPICS.base() + "/#");
            for (int i = 0; i < 5; i++) {
                MqttClient attacker = new MqttClient(broker.url(), STATION_CLIENT_ID, new MemoryPersistence());
                if (kind == TestBroker.Kind.EMBEDDED) {
                    // refused outright: the id belongs to the station's login
                    assertThatThrownBy(() -> attacker.connect(options("forestry")))
                            .isInstanceOfSatisfying(MqttException.class, e ->
                                    assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID));
                } else {
                    // Mosquitto (use_username_as_clientid) gives the attacker its own login as its id
                    attacker.connect(options("forestry"));
                    attacker.disconnect();
                }
                attacker.close(true);
            }
            // still the same connection: nothing lost, and a message goes round
            assertThat(station.client.isConnected()).isTrue();
            station.publishAndAwait(TOPICS.status(), "still here");
            assertThat(station.lost.get()).as("connections the station lost").isZero();
            if (kind == TestBroker.Kind.EMBEDDED) {
                assertRefusals(broker, BrokerRefusals.Kind.CLIENT_ID, 5, null);
            } else {
                assertThat(Waits.until(() -> count(broker.log(), Pattern.compile("New client connected from .* as forestry ")) >= 5, WAIT))
                        .as("Mosquitto took the attacker in under its own login; log:%n%s", tail(broker.log())).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void retainedMessagesOnOthersTopicsAreRefused(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = start(kind); Client station = Client.connect(broker.url(), STATION_CLIENT_ID, "station");
             Client forestry = Client.connect(broker.url(), "forestry-1", "forestry")) {
            station.publish(TOPICS.status(), "{\"state\":\"online\"}", true);
            forestry.publish(TOPICS.status(), "{\"state\":\"offline\",\"forged\":true}", true);
            forestry.publish(TOPICS.alerts("water"), "forged retained alert", true);
            forestry.publish(TOPICS.acks("water"), "forged retained answer", true);

            // a client arriving later gets the retained messages first, then the sentinel (one
            // connection per login: Mosquitto binds the client id to the login)
            try (Client water = Client.connect(broker.url(), "water-1", "water")) {
                water.subscribe(TOPICS.status());
                water.subscribe(TOPICS.alerts("water"));
                station.subscribe(TOPICS.acks("water"));
                station.publish(TOPICS.alerts("water"), "sentinel", false);
                station.publish(TOPICS.acks("water"), "sentinel", false);
                assertThat(water.await("sentinel")).isTrue();
                assertThat(station.await("sentinel")).isTrue();
                assertThat(water.payloads).contains("{\"state\":\"online\"}").noneMatch(p -> p.contains("forged"));
                assertThat(station.payloads).noneMatch(p -> p.contains("forged"));
            }
            assertRefusals(broker, BrokerRefusals.Kind.PUBLISH, 3, Pattern.compile("Denied PUBLISH from forestry"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestBroker.Kind.class)
    void aRefusedPublishIsAnsweredNotLeftHanging(TestBroker.Kind kind) throws Exception {
        try (TestBroker broker = start(kind); Client station = Client.connect(broker.url(), STATION_CLIENT_ID, "station");
             Client forestry = Client.connect(broker.url(), "forestry-1", "forestry")) {
            station.subscribe(TOPICS.base() + "/#");
            for (int qos : new int[]{1, 2}) {
                IMqttDeliveryToken token = forestry.client.getTopic(TOPICS.acks("water"))
                        .publish("forged answer".getBytes(StandardCharsets.UTF_8), qos, false);
                token.waitForCompletion(WAIT.toMillis());
                assertThat(token.isComplete()).as("QoS %d publish answered", qos).isTrue();
            }
            assertThat(forestry.client.isConnected()).isTrue();
            // its own acks topic still works over the same connection
            forestry.publish(TOPICS.acks("forestry"), "real answer", false);
            assertThat(station.await("real answer")).isTrue();
            assertThat(station.payloads).noneMatch(p -> p.contains("forged"));
            if (kind == TestBroker.Kind.MOSQUITTO) {
                // (last: Mosquitto gives this client forestry's id, which ends the 3.1.1 connection)
                // MQTT 5 (which the embedded broker does not speak) says why: "not authorized"
                org.eclipse.paho.mqttv5.client.MqttAsyncClient v5 = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                        broker.url(), "forestry-v5", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
                org.eclipse.paho.mqttv5.client.MqttConnectionOptions o = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
                o.setUserName("forestry");
                o.setPassword(password("forestry").getBytes(StandardCharsets.UTF_8));
                v5.connect(o).waitForCompletion(WAIT.toMillis());
                org.eclipse.paho.mqttv5.client.IMqttToken t = v5.publish(TOPICS.acks("water"),
                        new org.eclipse.paho.mqttv5.common.MqttMessage("forged answer".getBytes(StandardCharsets.UTF_8), 1, false, null));
                int code;
                try {
                    t.waitForCompletion(WAIT.toMillis());
                    code = t.getReasonCodes()[0];
                } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                    code = e.getReasonCode();
                }
                assertThat(code).as("MQTT 5 PUBACK reason").isEqualTo(0x87);
                v5.disconnect().waitForCompletion(WAIT.toMillis());
                v5.close();
            }
            assertRefusals(broker, BrokerRefusals.Kind.PUBLISH, 2, Pattern.compile("Denied PUBLISH from forestry"));
            if (kind == TestBroker.Kind.MOSQUITTO) {
                assertThat(Waits.until(() -> count(broker.log(), Pattern.compile("Denied PUBLISH from forestry")) == 3, WAIT)).isTrue();
            }
        }
    }

    private void assertRefusals(TestBroker broker, BrokerRefusals.Kind kind, int expected, Pattern mosquittoLine) throws IOException {
        if (broker.refusals() != null) {
            assertThat(broker.refusals().count(kind)).as("%s refusals counted", kind).isEqualTo(expected);
            assertThat(log.list).as("refusals logged").filteredOn(e -> e.getFormattedMessage().startsWith("broker refused "))
                    .hasSize(expected);
        } else {
            assertThat(Waits.until(() -> count(broker.log(), mosquittoLine) >= expected, WAIT))
                    .as("Mosquitto logged %d refusals matching %s; log:%n%s", expected, mosquittoLine, tail(broker.log())).isTrue();
        }
    }

    private static long count(Path file, Pattern line) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> line.matcher(l).find()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static MqttConnectOptions options(String user) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        o.setPassword(password(user).toCharArray());
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(10);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return o;
    }

    /** A plain MQTT 3.1.1 client that records what arrives and counts lost connections. */
    private static final class Client implements AutoCloseable {
        final MqttClient client;
        final List<String> payloads = new CopyOnWriteArrayList<>();
        final AtomicInteger lost = new AtomicInteger();

        private Client(MqttClient client) {
            this.client = client;
        }

        static Client connect(String url, String clientId, String user) throws MqttException {
            Client c = new Client(new MqttClient(url, clientId, new MemoryPersistence()));
            c.client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    c.lost.incrementAndGet();
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    c.payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            c.client.connect(options(user));
            return c;
        }

        void subscribe(String filter) throws MqttException {
            client.subscribe(filter, 1);
        }

        void publish(String topic, String payload, boolean retained) throws MqttException {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
        }

        void publishAndAwait(String topic, String payload) throws MqttException {
            publish(topic, payload, false);
            assertThat(await(payload)).as("%s came back", payload).isTrue();
        }

        boolean await(String payload) {
            return Waits.until(() -> payloads.contains(payload), WAIT);
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close(true);
        }
    }
}
