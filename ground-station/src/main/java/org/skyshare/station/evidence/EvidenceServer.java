package org.skyshare.station.evidence;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The station's HTTPS server for evidence (Jetty): {@code GET /evidence/<incident>/<file>?agency=A&exp=T&sig=S}
 * answers the file only when the signature is the station's for that evidence, agency and expiry,
 * and the expiry has not passed. Everything else is refused without saying which part was wrong.
 */
public final class EvidenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceServer.class);
    public static final String PATH = "/evidence/";

    private final Server server;
    private final ServerConnector connector;
    private final EvidenceHandler evidenceHandler;

    /**
     * @param host where to listen ("0.0.0.0" for every interface, "127.0.0.1" for this machine only)
     * @param port 0 picks a free port
     */
    public EvidenceServer(String host, int port, StationTls tls, EvidenceFiles files, EvidenceSigner signer, Clock clock) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("evidence-https");
        pool.setDaemon(true);
        server = new Server(pool);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyManagerPassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration();
        https.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // agencies often reach a station by its IP address, which carries no SNI name to check
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        evidenceHandler = new EvidenceHandler(files, signer, clock);
        server.setHandler(evidenceHandler);
    }

    /** Serves {@code pages} (the agency desk) from the same server, after the evidence paths; call before {@link #start()}. */
    public EvidenceServer alsoServing(Handler pages) {
        server.setHandler(new Handler.Sequence(evidenceHandler, pages));
        return this;
    }

    public EvidenceServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the evidence HTTPS server cannot listen on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
        LOG.info("evidence served over HTTPS on port {}", port());
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the evidence server: {}", e.getMessage());
        }
    }

    /** Checks a request's link and answers the file or a refusal. */
    static final class EvidenceHandler extends Handler.Abstract {
        private final EvidenceFiles files;
        private final EvidenceSigner signer;
        private final Clock clock;

        EvidenceHandler(EvidenceFiles files, EvidenceSigner signer, Clock clock) {
            this.files = files;
            this.signer = signer;
            this.clock = clock;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            String path = request.getHttpURI().getPath();
            if (path == null || !path.startsWith(PATH)) {
                return false; // not evidence: the next handler's, or Jetty's 404
            }
            if (!"GET".equals(request.getMethod())) {
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            String id = path.substring(PATH.length());
            if (!EvidenceFiles.isWellFormed(id)) {
                Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "not an evidence id");
                return true;
            }
            Fields query = Request.extractQueryParameters(request);
            String agency = query.getValue("agency");
            Instant expires = epoch(query.getValue("exp"));
            if (agency == null || expires == null || !signer.verify(id, agency, expires, query.getValue("sig"))) {
                LOG.warn("evidence {} refused: the link's signature does not match (agency {})", id, agency);
                Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "this link is not valid");
                return true;
            }
            if (!clock.instant().isBefore(expires)) {
                Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "this link has expired");
                return true;
            }
            Optional<Path> file = files.open(id);
            if (file.isEmpty()) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            byte[] bytes = Files.readAllBytes(file.get());
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, EvidenceLinks.mimeType(file.get()));
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Content-Security-Policy", "default-src 'none'");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return true;
        }

        private static Instant epoch(String s) {
            if (s == null || !s.matches("\\d{1,12}")) {
                return null;
            }
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
    }
}
