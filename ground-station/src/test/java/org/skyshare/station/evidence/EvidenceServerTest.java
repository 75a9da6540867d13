package org.skyshare.station.evidence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.CapValidator;
import org.skyshare.station.alert.EvidenceResource;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.alert.OutboundMessage;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agencies open their evidence over real HTTPS (Jetty, TLS 1.3); every other request is refused. */
class EvidenceServerTest {
    static final Instant T = Instant.parse("2026-11-23T11:40:12Z");
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    Path evidenceFile(Path evidenceDir) throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 90, 40));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.ORANGE);
        g.fillOval(300, 200, 60, 40);
        g.dispose();
        Path f = evidenceDir.resolve("inc-1").resolve("frame-1.png");
        Files.createDirectories(f.getParent());
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    static Incident incident(Path evidence) {
        HazardReport r = new HazardReport("inc-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95, new GeoPoint(30.4, 119.8),
                List.of(), 40, 380.0, evidence, T, "Flames at the ridge");
        return new Incident("inc-1", r, IncidentState.CONFIRMED, 0, T, T);
    }

    static HttpClient trusting(StationTls tls) throws Exception {
        return HttpClient.newBuilder().sslContext(context(tls.trustStore())).build();
    }

    static SSLContext context(KeyStore trust) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static HttpResponse<byte[]> get(HttpClient c, String uri) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request line sent as written, so no client library normalises "..". */
    static String raw(StationTls tls, int port, String target) throws Exception {
        try (SSLSocket s = (SSLSocket) context(tls.trustStore()).getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anAgencyOpensItsEvidenceAndNoOtherLinkWorks() throws Exception {
        Path evidenceDir = dir.resolve("evidence");
        Path image = evidenceFile(evidenceDir);
        Files.writeString(dir.resolve("secret.txt"), "station secret");
        StationTls tls = StationTls.selfSigned(dir.resolve("tls"), "localhost");
        EvidenceSigner signer = EvidenceSigner.fromKeyFile(dir.resolve("evidence-link.key"));
        EvidenceFiles files = new EvidenceFiles(evidenceDir);
        Instant now = Instant.now();
        EvidenceServer server = new EvidenceServer("127.0.0.1", 0, tls, files, signer, Clock.fixed(now, ZoneOffset.UTC)).start();
        open.add(server);
        EvidenceLinks links = new EvidenceLinks("https://127.0.0.1:" + server.port(), signer, files, Duration.ofHours(24));

        List<EvidenceResource> res = links.resources(incident(image), "forestry", now);
        assertThat(res).hasSize(2);
        EvidenceResource link = res.get(0);
        EvidenceResource thumb = res.get(1);
        byte[] original = Files.readAllBytes(image);
        assertThat(link.uri()).startsWith("https://127.0.0.1:" + server.port() + "/evidence/inc-1/frame-1.png?agency=forestry&exp=");
        assertThat(link.sizeBytes()).isEqualTo(original.length);
        assertThat(link.mimeType()).isEqualTo("image/png");
        byte[] inline = Base64.getDecoder().decode(thumb.inlineBase64());
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(inline));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(EvidenceLinks.THUMBNAIL_SIDE_PX);
        assertThat(thumb.sha1Hex()).isEqualTo(EvidenceLinks.sha1(inline));

        HttpClient client = trusting(tls);
        HttpResponse<byte[]> ok = get(client, link.uri());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(original);
        assertThat(EvidenceLinks.sha1(ok.body())).as("CAP digest matches what arrives").isEqualTo(link.sha1Hex());
        assertThat(ok.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(ok.headers().firstValue("cache-control")).hasValue("private, no-store");

        // another agency reusing forestry's link, a forged signature, a moved expiry
        assertThat(get(client, link.uri().replace("agency=forestry", "agency=water")).statusCode()).isEqualTo(403);
        Matcher sig = Pattern.compile("sig=([A-Za-z0-9_-]+)").matcher(link.uri());
        assertThat(sig.find()).isTrue();
        String s = sig.group(1);
        String flipped = (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1);
        assertThat(get(client, link.uri().replace(s, flipped)).statusCode()).isEqualTo(403);
        Matcher exp = Pattern.compile("exp=(\\d+)").matcher(link.uri());
        assertThat(exp.find()).isTrue();
        long e = Long.parseLong(exp.group(1));
        assertThat(get(client, link.uri().replace("exp=" + e, "exp=" + (e + 86_400))).statusCode()).isEqualTo(403);
        assertThat(get(client, link.uri().substring(0, link.uri().indexOf('?'))).statusCode()).isEqualTo(403);
        // water's own link to forestry's evidence cannot be made without the station's secret
        EvidenceSigner other = new EvidenceSigner(new byte[32]);
        String forged = new EvidenceLinks("https://127.0.0.1:" + server.port(), other, files, Duration.ofHours(1))
                .link("inc-1/frame-1.png", "water", now.plusSeconds(3600));
        assertThat(get(client, forged).statusCode()).isEqualTo(403);

        // an expired link: signed correctly, but the expiry has passed
        String expired = links.link("inc-1/frame-1.png", "forestry", now.minusSeconds(1));
        assertThat(get(client, expired).statusCode()).isEqualTo(403);
        assertThat(get(client, links.link("inc-1/frame-1.png", "forestry", now.plusSeconds(60))).statusCode()).isEqualTo(200);

        // path traversal in the evidence id, even with a valid signature over the traversing id
        for (String id : List.of("../secret.txt", "inc-1/../../secret.txt", "inc-1/..%2F..%2Fsecret.txt",
                "inc-1%2F..%2F..%2Fsecret.txt", "..%2Fsecret.txt", "inc-1/%2e%2e/%2e%2e/secret.txt", "%2e%2e/secret.txt")) {
            String target = "/evidence/" + id + "?agency=forestry&exp=" + now.plusSeconds(600).getEpochSecond()
                    + "&sig=" + signer.sign(id, "forestry", Instant.ofEpochSecond(now.plusSeconds(600).getEpochSecond()));
            String answer = raw(tls, server.port(), target);
            assertThat(answer).as(id).doesNotStartWith("HTTP/1.1 200").doesNotContain("station secret");
            assertThat(answer).as(id).matches("(?s)HTTP/1.1 4\\d\\d.*");
        }
        assertThat(files.open("inc-1/../../secret.txt")).isEmpty();
    }

    @Test
    void tlsWorksWithTheUsersOwnPemCertificate() throws Exception {
        // the user's certificate: made elsewhere (here by keytool), handed over as PEM files
        StationTls issued = StationTls.selfSigned(dir.resolve("ca-issued"), "station.example");
        Path certPem = dir.resolve("fullchain.pem");
        Path keyPem = dir.resolve("privkey.pem");
        Files.writeString(certPem, issued.certificatePem());
        java.security.Key key = issued.keyStore().getKey(StationTls.ALIAS, issued.password().toCharArray());
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        StationTls own = StationTls.fromPem(certPem, keyPem);
        Path evidenceDir = dir.resolve("evidence");
        evidenceFile(evidenceDir);
        EvidenceSigner signer = EvidenceSigner.fromKeyFile(dir.resolve("k"));
        EvidenceFiles files = new EvidenceFiles(evidenceDir);
        EvidenceServer server = new EvidenceServer("127.0.0.1", 0, own, files, signer, Clock.systemUTC()).start();
        open.add(server);
        String uri = new EvidenceLinks("https://127.0.0.1:" + server.port(), signer, files, Duration.ofHours(1))
                .link("inc-1/frame-1.png", "forestry", Instant.now().plusSeconds(600));
        assertThat(get(trusting(issued), uri).statusCode()).isEqualTo(200);

        StationTls stranger = StationTls.selfSigned(dir.resolve("stranger"), "localhost");
        assertThatThrownBy(() -> get(trusting(stranger), uri)).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> StationTls.fromPem(certPem, certPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> StationTls.fromKeyStore(dir.resolve("ca-issued/station-self-signed.p12"), "wrong"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
    }

    @Test
    void dispatchedCapCarriesTheAgencysSignedLinkSizeDigestAndThumbnail() throws Exception {
        AlertService service = AlertFixture.service(dir.resolve("db"), AlertSettings.defaults("st1").withAutoConfirm(0.9));
        Path evidenceDir = service.store().database().evidenceDir();
        EvidenceSigner signer = EvidenceSigner.fromKeyFile(dir.resolve("k"));
        service.useEvidenceLinks(new EvidenceLinks("https://station.example:8443", signer, new EvidenceFiles(evidenceDir),
                Duration.ofHours(48)));
        Path source = evidenceFile(dir.resolve("detector"));
        service.report(new HazardReport("inc-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95, new GeoPoint(30.4, 119.8),
                List.of(), 40, 380.0, source, T, "Flames at the ridge"));
        List<OutboundMessage> out = service.store().pending(100);
        String cap = out.stream().filter(m -> m.topic().endsWith("/alerts/forestry")).map(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
        CapValidator.validate(cap);
        assertThat(cap).contains("<uri>https://station.example:8443/evidence/inc-1/frame-1.png?agency=forestry&amp;exp=",
                "<size>" + Files.size(source) + "</size>", "<digest>" + EvidenceLinks.sha1(Files.readAllBytes(source)) + "</digest>",
                "<derefUri>", "<resourceDesc>evidence thumbnail</resourceDesc>").doesNotContain("file:");
    }
}
