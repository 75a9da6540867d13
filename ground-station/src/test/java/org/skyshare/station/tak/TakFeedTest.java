package org.skyshare.station.tak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AgencyAction;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentEvent;
import org.skyshare.station.evidence.EvidenceFiles;
import org.skyshare.station.evidence.EvidenceLinks;
import org.skyshare.station.evidence.EvidenceSigner;
import org.skyshare.station.evidence.StationTls;
import org.skyshare.station.mqtt.Waits;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crew's TAK feed end to end: the station's events reach a TAK Server stub over TCP and over TLS
 * with a client certificate, and SA multicast; an independent TAK library (@tak-ps/node-cot, run
 * with Node) parses every event and sees the pin drawn, replaced in place by its update, and removed
 * when the incident is resolved.
 */
class TakFeedTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static SSLContext context(StationTls own, StationTls trusted) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(own.keyStore(), own.password().toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted.trustStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    static HazardReport fire(double lat, double lon, Path evidence) {
        List<GeoPoint> area = List.of(new GeoPoint(lat + 0.001, lon - 0.001), new GeoPoint(lat + 0.001, lon + 0.001),
                new GeoPoint(lat - 0.001, lon + 0.001), new GeoPoint(lat - 0.001, lon - 0.001));
        return new HazardReport("fire-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95, new GeoPoint(lat, lon), area, 80,
                412.0, evidence, Instant.now(), "Flames at the ridge");
    }

    @Test
    void crewsTakMapsGetThePinItsUpdateInPlaceAndItsRemoval() throws Exception {
        AlertService service = AlertFixture.service(dir.resolve("db"), AlertSettings.defaults("st1").withAutoConfirm(0.9)
                .withCrews(Map.of("forestry", List.of("crew-1"))));
        EvidenceSigner signer = EvidenceSigner.fromKeyFile(dir.resolve("k"));
        EvidenceLinks links = new EvidenceLinks("https://station.example:8443", signer,
                new EvidenceFiles(service.store().database().evidenceDir()), Duration.ofHours(24));
        service.useEvidenceLinks(links);
        Path image = dir.resolve("frame-1.jpg");
        Files.write(image, new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3});

        TakStubServer plain = new TakStubServer(null);
        open.add(plain);
        StationTls serverCert = StationTls.selfSigned(dir.resolve("tak-server"), "localhost");
        StationTls crewCert = StationTls.selfSigned(dir.resolve("station-client"), "localhost");
        TakStubServer secure = new TakStubServer(context(serverCert, crewCert));
        open.add(secure);

        MulticastSocket sa = new MulticastSocket(0);
        open.add(sa);
        InetAddress group = InetAddress.getByName(SaMulticast.DEFAULT_GROUP);
        // the group is joined and sent to on loopback with TTL 0: the test's datagrams (and the
        // membership report a join sends) never leave this machine
        NetworkInterface nif = loopbackWithMulticast();
        sa.joinGroup(new InetSocketAddress(group, 0), nif);
        List<String> datagrams = Collections.synchronizedList(new ArrayList<>());
        Thread saReader = new Thread(() -> {
            byte[] buf = new byte[65_536];
            while (!sa.isClosed()) {
                try {
                    sa.setSoTimeout(200);
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    sa.receive(p);
                    datagrams.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                } catch (SocketTimeoutException e) {
                    // poll again
                } catch (IOException e) {
                    return;
                }
            }
        }, "sa-reader");
        saReader.setDaemon(true);
        saReader.start();

        TakFeed feed = new TakFeed(service, Map.of("crew-1", List.of(
                new TakServerStream(new InetSocketAddress("127.0.0.1", plain.port()), null),
                new TakServerStream(new InetSocketAddress("127.0.0.1", secure.port()), context(crewCert, serverCert)),
                new SaMulticast(new InetSocketAddress(group, sa.getLocalPort()), 0, nif))), links, Clock.systemUTC()).start();
        open.add(feed);

        service.report(fire(30.4000, 119.8000, image));
        assertThat(Waits.until(() -> plain.events().size() >= 2 && secure.events().size() >= 2 && datagrams.size() >= 2,
                Duration.ofSeconds(30))).as("pin and area reached the TAK server stubs and SA multicast").isTrue();
        service.report(fire(30.4020, 119.8030, image));
        assertThat(Waits.until(() -> plain.events().size() >= 4, Duration.ofSeconds(30))).isTrue();

        String alertId = service.alerts("fire-1").stream().filter(a -> a.agency().equals("forestry")).findFirst().orElseThrow().id();
        service.acknowledge(new Acknowledgement("ack-1", alertId, "crew-1", AgencyAction.ON_THE_WAY, "Li Wei", Instant.now(), null));
        service.acknowledge(new Acknowledgement("ack-2", alertId, "crew-1", AgencyAction.ON_SITE, "Li Wei", Instant.now(),
                "fire line 200 m, two engines"));
        assertThat(service.history("fire-1")).extracting(IncidentEvent::note)
                .contains("on-the-way", "on site: fire line 200 m, two engines");
        service.resolve("fire-1", "crew-1", "extinguished");
        assertThat(Waits.until(() -> plain.events().stream().filter(e -> e.contains("t-x-d-d")).count() >= 2
                        && secure.events().stream().filter(e -> e.contains("t-x-d-d")).count() >= 2
                        && datagrams.stream().filter(e -> e.contains("t-x-d-d")).count() >= 2,
                Duration.ofSeconds(30))).as("removal reached every receiver").isTrue();

        List<String> events = plain.events();
        assertThat(secure.events()).isEqualTo(events);
        Path file = dir.resolve("events.json");
        JSON.writeValue(file.toFile(), events);
        JsonNode steps = JSON.readTree(runNodeCot(file));
        assertThat(steps.size()).as("node-cot parsed every event").isEqualTo(events.size());
        String marker = TakEvents.markerUid("st1", "fire-1");
        String areaUid = TakEvents.areaUid("st1", "fire-1");
        JsonNode first = steps.get(1);
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.get(marker).get("type").asText()).isEqualTo("b-m-p-s-m");
        assertThat(first.get(marker).get("links").get(0).asText()).startsWith("https://station.example:8443/evidence/fire-1/");
        assertThat(first.get(areaUid).get("geometry").asText()).as("the hazard area is a TAK shape").isEqualTo("Polygon");
        JsonNode updated = steps.get(3);
        assertThat(updated.size()).as("the update replaced the pin, no second marker").isEqualTo(2);
        assertThat(updated.get(marker).get("coordinates").get(1).asDouble()).isEqualTo(30.402);
        assertThat(updated.get(marker).get("coordinates").get(0).asDouble()).isEqualTo(119.803);
        assertThat(steps.get(steps.size() - 1).size()).as("resolution removed pin and area").isZero();
    }

    /** Runs the node-cot check; installs it from package-lock.json with npm ci when missing. */
    static String runNodeCot(Path events) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@tak-ps/node-cot"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        }
        return run(List.of("node", NODE_DIR.resolve("tak-check.mjs").toString(), events.toString()), 120);
    }

    static String run(List<String> cmd, int timeoutS) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("'" + cmd.get(0) + "' is missing: install Debian's nodejs and npm (./skyshare test does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(timeoutS, TimeUnit.SECONDS)).as(String.join(" ", cmd) + " finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + " exit status; output: " + out).isZero();
        return out;
    }

    /**
     * Loopback with multicast on. Debian's loopback comes without it; as root (CI) the test turns it
     * on, which changes nothing else about the interface.
     */
    private static NetworkInterface loopbackWithMulticast() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        assertThat(lo).as("a loopback interface named lo").isNotNull();
        if (!lo.supportsMulticast()) {
            Process p = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on").redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            lo = NetworkInterface.getByName("lo");
            assertThat(lo.supportsMulticast()).as("multicast on loopback (as root: ip link set lo multicast on): %s", said).isTrue();
        }
        return lo;
    }
}
