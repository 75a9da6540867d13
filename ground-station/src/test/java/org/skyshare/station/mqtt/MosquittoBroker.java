package org.skyshare.station.mqtt;

import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.MosquittoAccessFiles;
import org.skyshare.station.broker.TopicAcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto, started by a test on a free loopback port with the password file, ACL and
 * configuration the station generates ({@code skyshare mosquitto-files}, included from conf.d/),
 * optionally with a TLS listener on a second port. Persistence is on so queued QoS 1 messages of
 * offline subscribers survive a restart, as in a real deployment.
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    public MosquittoBroker(Path dir, BrokerAccounts accounts, TopicAcl acl) {
        this(dir, accounts, acl, null, null);
    }

    /** With a TLS listener too, from a PEM certificate and key ({@link #tlsUrl()}). */
    public MosquittoBroker(Path dir, BrokerAccounts accounts, TopicAcl acl, Path certFile, Path keyFile) {
        this.dir = dir;
        this.port = Ports.free();
        this.tlsPort = certFile == null ? 0 : Ports.free();
        try {
            Files.createDirectories(dir);
            List<MosquittoAccessFiles.Listener> listeners = new ArrayList<>();
            listeners.add(MosquittoAccessFiles.Listener.plain("127.0.0.1", port));
            if (certFile != null) {
                listeners.add(new MosquittoAccessFiles.Listener("127.0.0.1", tlsPort, certFile, keyFile));
            }
            MosquittoAccessFiles.writeAll(dir.resolve("conf.d"), accounts, acl, listeners);
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "include_dir " + dir.resolve("conf.d").toAbsolutePath(),
                    "persistence true",
                    "persistence_location " + dir + "/",
                    // saved every second, so a broker killed outright still comes back with its sessions
                    "autosave_interval 1",
                    "max_queued_messages 100000",
                    "max_inflight_messages 100",
                    "user root",
                    "log_dest file " + dir.resolve("mosquitto.log"),
                    "log_type all",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public MosquittoBroker start() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Ports.awaitListening(port, Duration.ofSeconds(10));
        if (tlsPort > 0) {
            Ports.awaitListening(tlsPort, Duration.ofSeconds(10));
        }
        return this;
    }

    /** SIGTERM: Mosquitto saves its persistence file and exits. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL: the broker dies without a word; what it had saved is all it keeps. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** ssl://127.0.0.1:port of the TLS listener, null without one. */
    public String tlsUrl() {
        return tlsPort == 0 ? null : "ssl://127.0.0.1:" + tlsPort;
    }

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    @Override
    public void close() {
        stop();
    }
}
