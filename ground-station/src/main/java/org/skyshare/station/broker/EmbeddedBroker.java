package org.skyshare.station.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.channel.ChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The in-process MQTT broker the station uses by default (Moquette, MQTT 3.1.1): logins from
 * {@link BrokerAccounts}, no anonymous access, and {@link TopicAcl} so each agency and crew reads
 * only its own topics. TLS is served on a second port when a Java key store is given.
 *
 * <p>Moquette 0.17 checks the ACL on publishes and subscriptions only; {@link MqttGuard}, put in
 * front of it on every connection, also holds client ids (bound to their login), Last Wills and
 * retained messages to it and answers a refused QoS 1/2 publish. Refusals are counted in
 * {@link #refusals()}.
 *
 * <p>The broker keeps no messages on disk: the station's outbox is the durable copy, and it sends
 * again whatever the broker had not accepted.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    /**
     * @param host        address to listen on ("127.0.0.1" to stay on this machine, "0.0.0.0" for agencies on the network)
     * @param port        plain MQTT port
     * @param tlsPort     MQTT over TLS port, 0 for none
     * @param keyStore    JKS/PKCS12 key store with the broker's certificate, needed when tlsPort &gt; 0
     */
    public record Settings(String host, int port, int tlsPort, Path keyStore, String keyStorePassword) {
        public static Settings plain(String host, int port) {
            return new Settings(host, port, 0, null, null);
        }
    }

    private final Server server = new Server();
    private final Settings settings;
    private final BrokerRefusals refusals = new BrokerRefusals();

    private EmbeddedBroker(Settings settings) {
        this.settings = settings;
    }

    /** Sees every message the broker accepted (for monitoring: the console's traffic view, tests). */
    @FunctionalInterface
    public interface PublishListener {
        void accepted(String username, String topic, byte[] payload);
    }

    public static EmbeddedBroker start(Settings s, BrokerAccounts accounts, TopicAcl acl) {
        return start(s, accounts, acl, null);
    }

    public static EmbeddedBroker start(Settings s, BrokerAccounts accounts, TopicAcl acl, PublishListener listener) {
        EmbeddedBroker b = new EmbeddedBroker(s);
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, s.host());
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(s.port()));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(1 << 20));
        if (s.tlsPort() > 0) {
            if (s.keyStore() == null) {
                throw new IllegalArgumentException("the embedded broker's TLS port " + s.tlsPort() + " needs a key store");
            }
            p.setProperty(IConfig.SSL_PORT_PROPERTY_NAME, Integer.toString(s.tlsPort()));
            p.setProperty(IConfig.JKS_PATH_PROPERTY_NAME, s.keyStore().toAbsolutePath().toString());
            p.setProperty(IConfig.KEY_STORE_TYPE, s.keyStore().toString().endsWith(".p12") ? "pkcs12" : "jks");
            String pw = s.keyStorePassword() == null ? "" : s.keyStorePassword();
            p.setProperty(IConfig.KEY_STORE_PASSWORD_PROPERTY_NAME, pw);
            p.setProperty(IConfig.KEY_MANAGER_PASSWORD_PROPERTY_NAME, pw);
        }
        BrokerRefusals refusals = b.refusals;
        // only a CONNECT the guard let through logs in (so no connection escapes the guard, even one
        // accepted before the guard was installed); the client id check is the second line behind it
        IAuthenticator authenticator = (clientId, username, password) -> MqttGuard.vetted(clientId)
                && accounts.authenticate(username, password).isPresent() && accounts.ownsClientId(username, clientId);
        IAuthorizatorPolicy policy = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                boolean ok = accounts.find(user).map(a -> acl.canWrite(a, topic.toString())).orElse(false);
                if (!ok) {
                    // the guard drops these before Moquette sees them; a publish that reaches here slipped past it
                    refusals.refuse(BrokerRefusals.Kind.PUBLISH, user, client, "message to " + topic);
                }
                return ok;
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                boolean ok = accounts.find(user).map(a -> acl.canRead(a, topic.toString())).orElse(false);
                if (!ok) {
                    refusals.refuse(BrokerRefusals.Kind.SUBSCRIBE, user, client, "subscription to " + topic);
                }
                return ok;
            }
        };
        try {
            List<InterceptHandler> handlers = listener == null ? List.of() : List.of(new AbstractInterceptHandler() {
                @Override
                public String getID() {
                    return "skyshare-publish-listener";
                }

                @Override
                public void onPublish(InterceptPublishMessage msg) {
                    byte[] bytes = new byte[msg.getPayload().readableBytes()];
                    msg.getPayload().getBytes(msg.getPayload().readerIndex(), bytes);
                    listener.accepted(msg.getUsername(), msg.getTopicName(), bytes);
                }

                @Override
                public void onSessionLoopError(Throwable error) {
                    LOG.warn("broker session error: {}", error.toString());
                }
            });
            b.server.startServer(new MemoryConfig(p), handlers, null, authenticator, policy);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded MQTT broker cannot listen on " + s.host() + ":" + s.port()
                    + ": " + e.getMessage(), e);
        }
        try {
            installGuard(b.server, new MqttGuard(accounts, acl, refusals));
        } catch (RuntimeException e) {
            b.server.stopServer();
            throw e;
        }
        return b;
    }

    /**
     * Puts the guard into the pipeline Moquette builds for each new connection. Moquette 0.17 has no
     * hook for that; its optional metrics handler sits exactly where the guard belongs (after the
     * MQTT decoder, before the broker's handler) and is read for every new connection, so the guard
     * takes that place. The version is pinned in the parent pom; if a new Moquette lacks these fields
     * the broker refuses to start rather than run unguarded. A connection accepted in the instant
     * between Moquette binding and this call has no guard, and the authenticator refuses its login
     * ({@link MqttGuard#vetted}); it connects again like any refused client.
     */
    private static void installGuard(Server server, ChannelInboundHandler guard) {
        try {
            Field acceptorField = Server.class.getDeclaredField("acceptor");
            acceptorField.setAccessible(true);
            Object acceptor = acceptorField.get(server);
            Field metrics = acceptor.getClass().getDeclaredField("metrics");
            metrics.setAccessible(true);
            if (((Optional<?>) metrics.get(acceptor)).isPresent()) {
                throw new IllegalStateException("Moquette's metrics handler is on; the guard needs its place");
            }
            metrics.set(acceptor, Optional.of(guard));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the embedded MQTT broker cannot enforce Last Will, retained message and "
                    + "client id rules on this Moquette version (" + Server.class.getPackage().getImplementationVersion()
                    + "): " + e, e);
        }
    }

    /** What the broker refused so far (client ids, Last Wills, publishes, subscriptions). */
    public BrokerRefusals refusals() {
        return refusals;
    }

    /**
     * The port it listens on: the configured one, or for port 0 the one the system chose (which
     * Moquette reports only once its acceptor has bound, so a configured port is never read back).
     */
    public int port() {
        return settings.port() > 0 ? settings.port() : server.getPort();
    }

    public String url() {
        return "tcp://" + ("0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host()) + ":" + port();
    }

    public String tlsUrl() {
        return settings.tlsPort() > 0 ? "ssl://" + ("0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host())
                + ":" + settings.tlsPort() : null;
    }

    /** Stops listening; connected clients see their connection drop. */
    @Override
    public void close() {
        server.stopServer();
    }
}
