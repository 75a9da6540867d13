package org.skyshare.station.mqtt;

import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.MosquittoAccessFiles;
import org.skyshare.station.broker.TopicAcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto, started by a test on a free loopback port with the password file and ACL the
 * station generates. Persistence is on so queued QoS 1 messages of offline subscribers survive a
 * restart, as in a real deployment.
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Path dir;
    private final int port;
    private Process process;

    public MosquittoBroker(Path dir, BrokerAccounts accounts, TopicAcl acl) {
        this.dir = dir;
        this.port = Ports.free();
        try {
            Files.createDirectories(dir);
            MosquittoAccessFiles.writePasswordFile(dir.resolve("passwd"), accounts);
            MosquittoAccessFiles.writeAclFile(dir.resolve("acl"), accounts, acl);
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous false",
                    "password_file " + dir.resolve("passwd"),
                    "acl_file " + dir.resolve("acl"),
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

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    @Override
    public void close() {
        stop();
    }
}
