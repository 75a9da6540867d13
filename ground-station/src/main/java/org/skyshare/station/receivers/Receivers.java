package org.skyshare.station.receivers;

import org.skyshare.station.alert.AlertService;
import org.skyshare.station.desk.AgencyDesk;
import org.skyshare.station.desk.DeskLogins;
import org.skyshare.station.evidence.EvidenceFiles;
import org.skyshare.station.evidence.EvidenceLinks;
import org.skyshare.station.evidence.EvidenceServer;
import org.skyshare.station.evidence.EvidenceSigner;
import org.skyshare.station.evidence.StationTls;
import org.skyshare.station.tak.SaMulticast;
import org.skyshare.station.tak.TakFeed;
import org.skyshare.station.tak.TakServerStream;
import org.skyshare.station.tak.TakSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts what the receivers configuration asks for beside the alert pipeline: the HTTPS evidence
 * server (alerts then carry signed per-agency links) and the crews' TAK feeds.
 */
public final class Receivers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Receivers.class);
    private final EvidenceServer evidenceServer;
    private final StationTls tls;
    private final TakFeed tak;

    private Receivers(EvidenceServer evidenceServer, StationTls tls, TakFeed tak) {
        this.evidenceServer = evidenceServer;
        this.tls = tls;
        this.tak = tak;
    }

    /**
     * @param dataDir the station's data folder (the link secret and a self-signed certificate live there)
     */
    public static Receivers start(ReceiversConfig config, Path dataDir, AlertService alerts, Clock clock) {
        return start(config, dataDir, alerts, null, clock);
    }

    /**
     * @param deskLogins the agencies' logins for the agency desk (served beside the evidence under
     *                   /desk/); null for no desk
     */
    public static Receivers start(ReceiversConfig config, Path dataDir, AlertService alerts, DeskLogins deskLogins,
                                  Clock clock) {
        EvidenceServer server = null;
        StationTls tls = null;
        EvidenceLinks links = null;
        try {
            ReceiversConfig.EvidenceServerConfig e = config.evidence();
            if (e != null) {
                tls = e.keyStore() != null ? StationTls.fromKeyStore(e.keyStore(), e.keyStorePassword())
                        : e.certificatePem() != null ? StationTls.fromPem(e.certificatePem(), e.privateKeyPem())
                        : StationTls.selfSigned(dataDir.resolve("tls"), e.host().equals("0.0.0.0") ? "localhost" : e.host());
                EvidenceSigner signer = EvidenceSigner.fromKeyFile(dataDir.resolve("evidence-link.key"));
                EvidenceFiles files = new EvidenceFiles(alerts.store().database().evidenceDir());
                server = new EvidenceServer(e.host(), e.port(), tls, files, signer, clock);
                // the links' address is known once the server listens (port 0); the desk asks for them later
                EvidenceLinks[] made = new EvidenceLinks[1];
                if (deskLogins != null) {
                    server.alsoServing(new AgencyDesk(alerts, deskLogins,
                            (inc, agency, sent) -> made[0] == null ? List.of() : made[0].resources(inc, agency, sent), clock));
                }
                server.start();
                String publicUrl = e.publicUrl() != null ? e.publicUrl()
                        : "https://" + (e.host().equals("0.0.0.0") ? "localhost" : e.host()) + ":" + server.port();
                links = new EvidenceLinks(publicUrl, signer, files, e.linkLifetime());
                made[0] = links;
                if (deskLogins != null) {
                    LOG.info("agency desk: {}{} (each agency logs in with its broker account)", publicUrl, AgencyDesk.PATH);
                }
                alerts.useEvidenceLinks(links);
                LOG.info("evidence links: {}/evidence/... (each signed for one agency, valid {} h)", publicUrl,
                        e.linkLifetime().toHours());
            }
            Map<String, List<TakSink>> sinks = new LinkedHashMap<>();
            for (ReceiversConfig.CrewConfig c : config.crews()) {
                List<TakSink> list = new ArrayList<>();
                if (c.takServer() != null) {
                    InetSocketAddress addr = new InetSocketAddress(c.takServer().getHostString(), c.takServer().getPort());
                    list.add(new TakServerStream(addr, c.takTls() ? takContext(c) : null));
                }
                if (c.saMulticast() != null) {
                    list.add(new SaMulticast(new InetSocketAddress(c.saMulticast().getHostString(), c.saMulticast().getPort()), 1));
                }
                list.forEach(s -> LOG.info("crew {} ({}): TAK to {}", c.id(), c.agency(), s.describe()));
                sinks.put(c.id(), list);
            }
            TakFeed feed = sinks.values().stream().allMatch(List::isEmpty) ? null
                    : new TakFeed(alerts, sinks, links, clock).start();
            return new Receivers(server, tls, feed);
        } catch (RuntimeException ex) {
            if (server != null) {
                server.close();
            }
            throw ex;
        }
    }

    private static SSLContext takContext(ReceiversConfig.CrewConfig c) {
        try {
            KeyStore client = load(c.takClientKeyStore(), c.takClientKeyStorePassword());
            KeyStore trust = load(c.takTrustStore(), c.takTrustStorePassword());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(client, c.takClientKeyStorePassword().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalArgumentException("crew " + c.id() + ": the TAK client certificate " + c.takClientKeyStore()
                    + " or trust store " + c.takTrustStore() + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    /** The evidence server's port, -1 when there is none. */
    public int evidencePort() {
        return evidenceServer == null ? -1 : evidenceServer.port();
    }

    /** The certificate agencies must trust, or null when no evidence server runs. */
    public StationTls tls() {
        return tls;
    }

    @Override
    public void close() {
        if (tak != null) {
            tak.close();
        }
        if (evidenceServer != null) {
            evidenceServer.close();
        }
    }
}
