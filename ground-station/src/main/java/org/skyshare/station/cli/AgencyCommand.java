package org.skyshare.station.cli;

import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AgencyAction;
import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.alert.CapValidator;
import org.skyshare.station.mqtt.AckCodec;
import org.skyshare.station.mqtt.MqttConnector;
import org.skyshare.station.mqtt.MqttEndpoint;
import org.skyshare.station.mqtt.MqttTransport;
import org.skyshare.station.mqtt.MqttTransportException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code skyshare agency --name forestry}: an agency's terminal. Shows the agency's CAP alerts as
 * they arrive and lets a person acknowledge them, report a crew on site, or resolve them; the
 * answers go back to the station on skyshare/v1/&lt;station&gt;/acks/&lt;agency&gt;.
 */
@Command(name = "agency", mixinStandardHelpOptions = true,
        description = "An agency's terminal: see its alerts and acknowledge or resolve them.%n"
                + "Commands: list, ack N [note], onsite N [note], resolve N [note], quit")
public class AgencyCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "agency (or crew) name, as in the routing rules")
    String name;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883",
            description = "broker URL, tcp:// or ssl:// (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--user", description = "broker user (default: the agency name)")
    String user;

    @Option(names = "--password", description = "broker password (default: environment SKYSHARE_MQTT_PASSWORD)")
    String password;

    @Option(names = "--station", defaultValue = "+",
            description = "station id; + for every station on the broker (default: ${DEFAULT-VALUE})")
    String station;

    @Option(names = "--by", description = "who answers, recorded with every acknowledgement (default: the login name)")
    String by;

    private static final int CONNECT_ATTEMPTS = 5;
    private static final long RETRY_MS = 200;
    private static final long RECONNECT_MS = 3_000;

    private final InputStream in;
    private final PrintStream out;
    private final List<Shown> shown = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Object reconnectSignal = new Object();
    private volatile MqttTransport transport;
    /** A connection this terminal closed itself: its loss is not news. */
    private volatile MqttTransport retired;
    private volatile boolean running;
    private boolean lost;

    /** One alert on screen. */
    record Shown(String station, String identifier, String line) {
    }

    public AgencyCommand() {
        this(System.in, System.out);
    }

    AgencyCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,59}")) {
            throw new IllegalArgumentException("--name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        String login = user == null ? name : user;
        String secret = password != null ? password : System.getenv("SKYSHARE_MQTT_PASSWORD");
        String who = by != null ? by : System.getProperty("user.name", login);
        MqttEndpoint endpoint = new MqttEndpoint(broker, login + "-agency-" + UUID.randomUUID().toString().substring(0, 8),
                login, secret == null ? null : secret.toCharArray(), null, null);
        String filter = AlertTopics.ROOT + station + "/alerts/" + name;
        MqttTransport first = connectAndSubscribe(endpoint, login, filter);
        transport = first;
        running = true;
        Thread reconnect = new Thread(() -> keepConnected(endpoint, login, filter), "agency-reconnect");
        reconnect.setDaemon(true);
        reconnect.start();
        try {
            say("connected to " + broker + " (" + first.protocol() + ") as " + login + "; waiting for alerts on " + filter);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String cmd = line.strip();
                if (cmd.isEmpty()) {
                    continue;
                }
                if (cmd.equals("quit") || cmd.equals("exit")) {
                    break;
                }
                try {
                    handle(cmd, who);
                } catch (IllegalArgumentException | MqttTransportException e) {
                    say("! " + e.getMessage());
                }
            }
        } finally {
            running = false;
            reconnect.interrupt();
            MqttTransport t = transport;
            if (t != null) {
                retired = t;
                t.close();
            }
        }
        return 0;
    }

    /**
     * Connects and subscribes. A connection the broker drops right after accepting it (Moquette
     * 0.17 does so to a SUBSCRIBE that follows the CONNACK too closely) is tried again; a refused
     * login or subscription is an error at once.
     */
    private MqttTransport connectAndSubscribe(MqttEndpoint endpoint, String login, String filter) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            MqttTransport t;
            try {
                t = new MqttConnector().connect(endpoint);
            } catch (MqttTransportException e) {
                throw new IllegalStateException("cannot connect to " + broker + " as " + login + ": " + e.getMessage(), e);
            }
            try {
                t.subscribe(filter, (topic, payload, id) -> show(topic, payload));
                t.onConnectionLost(() -> connectionLost(t));
                return t;
            } catch (MqttTransportException e) {
                boolean dropped = !t.isConnected();
                t.close();
                if (!dropped) {
                    throw new IllegalStateException("the broker does not let " + login + " read " + filter + ": " + e.getMessage(), e);
                }
                if (attempt == CONNECT_ATTEMPTS) {
                    throw new IllegalStateException("the broker " + broker + " dropped the connection " + attempt
                            + " times while subscribing to " + filter + ": " + e.getMessage(), e);
                }
                Thread.sleep(RETRY_MS * attempt);
            }
        }
    }

    private void connectionLost(MqttTransport t) {
        if (t == retired) {
            return;
        }
        synchronized (reconnectSignal) {
            lost = true;
            reconnectSignal.notifyAll();
        }
    }

    /** Reconnects after a lost connection, every few seconds, until it is back or the terminal quits. */
    private void keepConnected(MqttEndpoint endpoint, String login, String filter) {
        try {
            while (running) {
                synchronized (reconnectSignal) {
                    while (!lost && running) {
                        reconnectSignal.wait();
                    }
                    lost = false;
                }
                if (!running) {
                    return;
                }
                say("connection to " + broker + " lost; reconnecting (alerts sent meanwhile are not replayed to this terminal)");
                MqttTransport old = transport;
                transport = null;
                if (old != null) {
                    retired = old;
                    old.close();
                }
                while (running && transport == null) {
                    try {
                        transport = connectAndSubscribe(endpoint, login, filter);
                        say("reconnected to " + broker);
                    } catch (IllegalStateException e) {
                        Thread.sleep(RECONNECT_MS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(String cmd, String who) throws MqttTransportException {
        String[] parts = cmd.split("\\s+", 3);
        if (parts[0].equals("list")) {
            synchronized (shown) {
                if (shown.isEmpty()) {
                    say("no alerts yet");
                }
                for (int i = 0; i < shown.size(); i++) {
                    say("[" + (i + 1) + "] " + shown.get(i).line());
                }
            }
            return;
        }
        AgencyAction action = switch (parts[0]) {
            case "ack" -> AgencyAction.ACKNOWLEDGED;
            case "onsite" -> AgencyAction.ON_SITE;
            case "resolve" -> AgencyAction.RESOLVED;
            default -> throw new IllegalArgumentException("unknown command '" + parts[0]
                    + "'; use list, ack N [note], onsite N [note], resolve N [note] or quit");
        };
        if (parts.length < 2) {
            throw new IllegalArgumentException(parts[0] + " needs the alert's number from the list");
        }
        Shown s;
        try {
            int n = Integer.parseInt(parts[1]);
            synchronized (shown) {
                s = shown.get(n - 1);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not the number of an alert in the list");
        }
        Acknowledgement a = new Acknowledgement(name + "-" + UUID.randomUUID(), s.identifier(), name, action, who,
                Instant.now(), parts.length > 2 ? parts[2] : null);
        MqttTransport t = transport;
        if (t == null || !t.isConnected()) {
            throw new IllegalArgumentException("not connected to " + broker + " (reconnecting); " + parts[0] + " was not sent, try again");
        }
        t.publish(new AlertTopics(s.station()).acks(name), AckCodec.encode(a), false, a.ackId()).await(10_000);
        say(action.wireName() + " sent for [" + parts[1] + "] " + s.identifier());
    }

    /** Shows one CAP alert; anything else is reported and skipped, never fatal. */
    void show(String topic, byte[] payload) {
        try {
            String xml = new String(payload, StandardCharsets.UTF_8);
            CapValidator.validate(xml);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(payload));
            Element root = d.getDocumentElement();
            String id = text(root, "identifier");
            synchronized (shown) {
                if (!seen.add(id)) {
                    return; // a resend: same identifier
                }
                String[] levels = topic.split("/");
                String line = String.format("%s %-6s %s %s | %s | %s%s", text(root, "sent"), text(root, "msgType"),
                        text(root, "severity"), text(root, "event"), text(root, "headline"), area(root),
                        text(root, "uri").isEmpty() ? "" : " | evidence " + text(root, "uri"));
                shown.add(new Shown(levels.length > 2 ? levels[2] : station, id, line));
                say("[" + shown.size() + "] " + line);
            }
        } catch (Exception e) {
            say("! ignored a message on " + topic + " that is not a valid CAP 1.2 alert: " + e.getMessage());
        }
    }

    private static String area(Element root) {
        String circle = text(root, "circle");
        if (!circle.isEmpty()) {
            String[] p = circle.split(" ");
            return "at " + p[0] + " (radius " + (p.length > 1 ? p[1] : "?") + " km)";
        }
        String polygon = text(root, "polygon");
        return polygon.isEmpty() ? "" : "area " + polygon.split(" ")[0] + " ...";
    }

    private static String text(Element root, String tag) {
        NodeList n = root.getElementsByTagNameNS("*", tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
    }

    private void say(String s) {
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }

    /** For tests: how many alerts are on screen. */
    int shownCount() {
        synchronized (shown) {
            return shown.size();
        }
    }
}
