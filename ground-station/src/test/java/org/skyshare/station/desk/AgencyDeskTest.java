package org.skyshare.station.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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
import org.skyshare.station.evidence.EvidenceServer;
import org.skyshare.station.evidence.EvidenceSigner;
import org.skyshare.station.evidence.StationTls;
import org.skyshare.station.mqtt.Waits;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency desk in Debian's headless Chromium (driven by playwright-core): forestry logs in, sees
 * its fire (not water's flood), opens the evidence, answers "crew on the way" and gets a new alert
 * live; and the attacks a browser page or another agency could try are refused.
 */
class AgencyDeskTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    AlertService service;
    int port;
    StationTls tls;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    void startStation() throws Exception {
        Router router = new Router(RoutingRulesFile.parse("test rules", """
                agencies: [forestry, water, emergency, power, forest-farm, grid]
                rules:
                  - name: fires-to-forestry
                    kinds: [fire]
                    agencies: [forestry]
                  - name: floods-to-water
                    kinds: [flood]
                    agencies: [water]
                """), AlertFixture.IN_FOREST);
        StationDatabase db = StationDatabase.openEmbedded(dir.resolve("db"));
        open.add(db);
        service = new AlertService(new AlertStore(db), router, AlertSettings.defaults("st1").withAutoConfirm(0.9), Clock.systemUTC());
        tls = StationTls.selfSigned(dir.resolve("tls"), "localhost");
        EvidenceSigner signer = EvidenceSigner.fromKeyFile(dir.resolve("k"));
        EvidenceFiles files = new EvidenceFiles(db.evidenceDir());
        Map<String, String> passwords = Map.of("forestry", "forestry-pw", "water", "water-pw");
        DeskLogins logins = (u, p) -> Optional.ofNullable(passwords.get(u)).filter(x -> x.equals(p)).map(x -> u);
        EvidenceServer server = new EvidenceServer("127.0.0.1", 0, tls, files, signer, Clock.systemUTC());
        // the links' address is only known once the server listens; the desk turns them into paths
        EvidenceLinks[] links = new EvidenceLinks[1];
        server.alsoServing(new AgencyDesk(service, logins, (inc, agency, sent) -> links[0].resources(inc, agency, sent),
                Clock.systemUTC())).start();
        open.add(server);
        port = server.port();
        links[0] = new EvidenceLinks("https://127.0.0.1:" + port, signer, files, Duration.ofHours(24));
        service.useEvidenceLinks(links[0]);
    }

    Path image(String name) throws IOException {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 80, 40));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(255, 120, 0));
        g.fillOval(200, 130, 80, 50);
        g.dispose();
        Path f = dir.resolve(name);
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    HazardReport fire(String id, double lat, double lon) throws IOException {
        List<GeoPoint> area = List.of(new GeoPoint(lat + 0.0008, lon - 0.001), new GeoPoint(lat + 0.0008, lon + 0.001),
                new GeoPoint(lat - 0.0008, lon + 0.0012), new GeoPoint(lat - 0.0009, lon - 0.0009));
        return new HazardReport(id, HazardKind.FIRE, HazardSeverity.SEVERE, 0.95, new GeoPoint(lat, lon), area, 60, 412.0,
                image(id + ".png"), Instant.now(), "Flames at the ridge");
    }

    HttpClient client() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(tls.trustStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    String base() {
        return "https://127.0.0.1:" + port;
    }

    /** Logs in as a browser would; returns the session cookie. */
    String login(HttpClient c, String user, String password) throws Exception {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/login"))
                .header("Origin", base()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of " + user).isEqualTo(303);
        String cookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    HttpResponse<String> answer(HttpClient c, String cookie, String token, String origin, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/desk/api/answer")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAgencySeesAndAnswersOnlyItsOwnAlertsAndForgedRequestsAreRefused() throws Exception {
        startStation();
        service.report(fire("fire-1", 30.40, 119.80));
        service.report(HazardReport.point("flood-1", HazardKind.FLOOD, HazardSeverity.MODERATE, 0.95, 30.41, 119.81, Instant.now()));
        HttpClient c = client();
        assertThat(c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/api/alerts")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("no login").isEqualTo(401);
        HttpResponse<String> bad = c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/login")).header("Origin", base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=forestry&password=water-pw")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).as("wrong password").isEqualTo(401);

        String cookie = login(c, "forestry", "forestry-pw");
        String page = c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        JsonNode queue = JSON.readTree(c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/api/alerts"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(queue.findValuesAsText("incident")).containsExactly("fire-1");

        String onTheWay = "{\"incident\":\"fire-1\",\"action\":\"on-the-way\",\"note\":\"x\"}";
        assertThat(answer(c, cookie, null, base(), onTheWay).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(answer(c, cookie, "forged", base(), onTheWay).statusCode()).as("wrong CSRF token").isEqualTo(403);
        assertThat(answer(c, cookie, token, "https://evil.example", onTheWay).statusCode()).as("cross-site origin").isEqualTo(403);
        assertThat(answer(c, cookie, token, base(), "{\"incident\":\"flood-1\",\"action\":\"resolved\",\"note\":\"\"}").statusCode())
                .as("water's alert answered by forestry").isEqualTo(404);
        assertThat(answer(c, cookie, token, base(), "{\"incident\":\"fire-1\",\"action\":\"dismiss\",\"note\":\"\"}").statusCode())
                .as("dismiss without a reason").isEqualTo(400);
        assertThat(service.history("flood-1")).extracting(IncidentEvent::note).noneMatch(n -> n != null && n.contains("resolved"));
        HttpResponse<String> crossLogin = c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/login"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=forestry&password=forestry-pw")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossLogin.statusCode()).as("login posted from another site").isEqualTo(403);
        assertThat(c.send(HttpRequest.newBuilder(URI.create(base() + "/desk/../evidence/fire-1/..%2F..%2Fk")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isBetween(400, 404);
        assertThat(answer(c, cookie, token, base(), "{\"incident\":\"fire-1\",\"action\":\"acknowledged\",\"note\":\"seen\"}").statusCode())
                .isEqualTo(200);
        assertThat(service.history("fire-1")).anySatisfy(e -> assertThat(e.note()).isEqualTo("acknowledged: seen"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void forestryWorksItsQueueInARealBrowserWithLiveUpdates() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Debian's chromium is missing at " + CHROMIUM + " (./skyshare test installs it: apt-get install chromium)");
        }
        startStation();
        service.report(fire("fire-1", 30.40, 119.80));
        service.report(HazardReport.point("flood-1", HazardKind.FLOOD, HazardSeverity.MODERATE, 0.95, 30.41, 119.81, Instant.now()));
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        }
        Path shots = Path.of("target/desk-screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Path signal = dir.resolve("signal");
        Process p = new ProcessBuilder("node", NODE_DIR.resolve("desk-check.mjs").toString(), base(), "forestry", "forestry-pw",
                shots.toString(), signal.toString()).directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(Waits.until(() -> Files.exists(signal) || !p.isAlive(), Duration.ofMinutes(3)))
                    .as("the browser answered the alert").isTrue();
            assertThat(p.isAlive()).as("the browser script is still waiting for the live update").isTrue();
            service.report(fire("fire-2", 30.402, 119.797));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("desk-check.mjs; output: " + out).isZero();
            JsonNode r = JSON.readTree(out);
            assertThat(r.get("queue").size()).as("forestry's queue: its fire, not water's flood").isEqualTo(1);
            assertThat(r.get("queue").get(0).asText()).containsIgnoringCase("forest fire");
            assertThat(r.get("evidenceWidth").asInt()).as("the evidence image opened in the page").isEqualTo(480);
            assertThat(r.get("thermal").asText()).contains("412 °C");
            assertThat(r.get("history").toString()).contains("by forestry desk: on-the-way: crew leaving the depot");
            assertThat(r.get("withoutToken").asInt()).as("a fetch without the CSRF token").isEqualTo(403);
            assertThat(r.get("liveQueue").size()).as("the new fire arrived without reloading").isEqualTo(2);
            assertThat(r.get("reloaded").asBoolean()).isFalse();
            assertThat(service.history("fire-1")).anySatisfy(e -> assertThat(e.note()).isEqualTo("on-the-way: crew leaving the depot"));
            assertThat(shots.resolve("desk-queue.png")).isNotEmptyFile();
        } finally {
            p.destroyForcibly();
        }
    }

    static String run(List<String> cmd, int timeoutS) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(timeoutS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
