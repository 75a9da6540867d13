package org.skyshare.station.mqtt;

import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.broker.TopicAcl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real broker for a test, embedded or Mosquitto, that can be stopped and started on the same port. */
public abstract class TestBroker implements AutoCloseable {
    public static final String STATION = "st1";
    public static final List<String> AGENCIES = List.of("forestry", "water", "emergency", "power", "forest-farm", "grid");
    public static final String CREW = "crew-a";
    public static final AlertTopics TOPICS = new AlertTopics(STATION);
    public static final BrokerAccounts ACCOUNTS = accounts();

    public enum Kind { EMBEDDED, MOSQUITTO }

    static {
        // the brokers' and clients' per-packet debug lines would drown the test logs
        for (String noisy : List.of("io.moquette", "io.netty", "org.eclipse.paho", "org.flywaydb", "h2database")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static BrokerAccounts accounts() {
        List<BrokerAccount> list = new ArrayList<>();
        list.add(new BrokerAccount("station", password("station"), BrokerRole.STATION));
        for (String a : AGENCIES) {
            list.add(new BrokerAccount(a, password(a), BrokerRole.AGENCY));
        }
        list.add(new BrokerAccount(CREW, password(CREW), BrokerRole.CREW));
        return new BrokerAccounts(list);
    }

    public static String password(String user) {
        return user + "-secret-1";
    }

    public static TestBroker create(Kind kind, Path dir) {
        return kind == Kind.EMBEDDED ? new Embedded() : new Mosquitto(dir);
    }

    public abstract String url();

    public abstract void start();

    public abstract void stop();

    /** Distinct CAP identifiers the broker accepted (embedded only; Mosquitto returns null). */
    public Set<String> acceptedCapIds() {
        return null;
    }

    /** What the embedded broker refused; null for Mosquitto (see {@link #log()}). */
    public org.skyshare.station.broker.BrokerRefusals refusals() {
        return null;
    }

    /** Mosquitto's log file; null for the embedded broker. */
    public Path log() {
        return null;
    }

    public MqttEndpoint stationEndpoint() {
        return new MqttEndpoint(url(), "station-" + STATION, "station", password("station").toCharArray(), null, null);
    }

    @Override
    public void close() {
        stop();
    }

    static final class Embedded extends TestBroker {
        private static final Pattern CAP_ID = Pattern.compile("<identifier>([^<]+)</identifier>");
        private final int port = Ports.free();
        private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
        private EmbeddedBroker broker;

        @Override
        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public void start() {
            broker = EmbeddedBroker.start(EmbeddedBroker.Settings.plain("127.0.0.1", port), ACCOUNTS,
                    new TopicAcl(TOPICS), (user, topic, payload) -> {
                        Matcher m = CAP_ID.matcher(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
                        if (m.find()) {
                            accepted.put(m.group(1), true);
                        }
                    });
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }

        @Override
        public Set<String> acceptedCapIds() {
            return accepted.keySet();
        }

        @Override
        public org.skyshare.station.broker.BrokerRefusals refusals() {
            return broker == null ? null : broker.refusals();
        }
    }

    static final class Mosquitto extends TestBroker {
        private final MosquittoBroker broker;

        Mosquitto(Path dir) {
            broker = new MosquittoBroker(dir, ACCOUNTS, new TopicAcl(TOPICS));
        }

        @Override
        public String url() {
            return broker.url();
        }

        @Override
        public void start() {
            broker.start();
        }

        @Override
        public void stop() {
            broker.stop();
        }

        @Override
        public Path log() {
            return broker.log();
        }
    }
}
