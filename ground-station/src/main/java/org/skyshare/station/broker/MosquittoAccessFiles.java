package org.skyshare.station.broker;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Writes the password file and ACL that give an external Mosquitto broker the same logins and
 * topic rights as the embedded broker ({@link TopicAcl}), and a configuration file that turns them
 * on with the same rules. Passwords are stored as Mosquitto 2's PBKDF2-SHA512 hashes ("$7$"), the
 * format {@code mosquitto_passwd} writes.
 *
 * <p>Mosquitto 2 checks its ACL on publishes, on retained messages (again when it delivers them)
 * and on a client's Last Will when the client connects; it cannot bind client ids to logins by
 * pattern, so the configuration sets {@code use_username_as_clientid}: a client's id becomes its
 * login, and nobody can take the station's id and knock it off.
 */
public final class MosquittoAccessFiles {
    /** The files {@link #writeAll} writes into its folder. */
    public static final String PASSWORD_FILE = "passwd";
    public static final String ACL_FILE = "acl";
    public static final String CONFIG_FILE = "skyshare.conf";

    /**
     * An address Mosquitto listens on, with TLS when a certificate and key (PEM files) are given.
     *
     * @param host     address to listen on, e.g. 0.0.0.0 or 127.0.0.1
     * @param port     TCP port
     * @param certFile the broker's certificate (PEM), null for plain MQTT
     * @param keyFile  its private key (PEM), with certFile
     */
    public record Listener(String host, int port, Path certFile, Path keyFile) {
        public Listener {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("listener port " + port + " is not a TCP port (1 to 65535)");
            }
            if ((certFile == null) != (keyFile == null)) {
                throw new IllegalArgumentException("a TLS listener needs both a certificate and a key file");
            }
        }

        public static Listener plain(String host, int port) {
            return new Listener(host, port, null, null);
        }
    }

    private static final int ITERATIONS = 101;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoAccessFiles() {
    }

    public static void writePasswordFile(Path file, BrokerAccounts accounts) {
        StringBuilder sb = new StringBuilder();
        for (BrokerAccount a : accounts.all()) {
            sb.append(a.username()).append(':').append(hash(a.password())).append('\n');
        }
        write(file, sb.toString());
    }

    public static void writeAclFile(Path file, BrokerAccounts accounts, TopicAcl acl) {
        StringBuilder sb = new StringBuilder("# Skyshare topic rights; generated, edit the station's broker accounts instead\n");
        for (BrokerAccount a : accounts.all()) {
            sb.append("\nuser ").append(a.username()).append('\n');
            for (String t : acl.readable(a)) {
                boolean alsoWrite = acl.writable(a).contains(t);
                sb.append("topic ").append(alsoWrite ? "readwrite " : "read ").append(t).append('\n');
                sb.append("topic ").append(alsoWrite ? "readwrite " : "read ").append(t).append("/#\n");
            }
            for (String t : acl.writable(a)) {
                if (!acl.readable(a).contains(t)) {
                    sb.append("topic write ").append(t).append('\n');
                }
            }
        }
        write(file, sb.toString());
    }

    /**
     * Writes {@value #PASSWORD_FILE}, {@value #ACL_FILE} and {@value #CONFIG_FILE} into {@code dir}
     * (created if missing; only these three files are replaced, each atomically). Include the
     * configuration from Mosquitto's own (Debian: copy it to /etc/mosquitto/conf.d/) or start
     * {@code mosquitto -c dir/skyshare.conf}.
     *
     * @param listeners where Mosquitto listens (at least one: binding client ids to logins is a
     *                  listener option, so the listeners must be these, not the main configuration's)
     * @return the configuration file
     */
    public static Path writeAll(Path dir, BrokerAccounts accounts, TopicAcl acl, List<Listener> listeners) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("Mosquitto needs at least one listener (host:port)");
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path passwd = abs.resolve(PASSWORD_FILE);
        Path aclFile = abs.resolve(ACL_FILE);
        Path conf = abs.resolve(CONFIG_FILE);
        writePasswordFile(passwd, accounts);
        writeAclFile(aclFile, accounts, acl);
        write(conf, config(passwd, aclFile, listeners));
        // Mosquitto started as root reads these after dropping to its own user: the hashes for its
        // group only, the rest for anyone (they hold no secret)
        readableBy(passwd, "rw-r-----", BROKER_GROUP);
        readableBy(aclFile, "rw-r--r--", null);
        readableBy(conf, "rw-r--r--", null);
        return conf;
    }

    /** The group Debian's Mosquitto runs as. */
    static final String BROKER_GROUP = "mosquitto";

    /**
     * True when Mosquitto's user can read the password file: its group is {@value #BROKER_GROUP}
     * (set when this runs as root on a machine with that group), or the file is readable by all.
     */
    public static boolean brokerCanRead(Path passwordFile) {
        try {
            var attrs = Files.readAttributes(passwordFile, java.nio.file.attribute.PosixFileAttributes.class);
            return attrs.group().getName().equals(BROKER_GROUP)
                    || attrs.permissions().contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return true; // not a POSIX file system: nothing to check
        }
    }

    private static void readableBy(Path file, String permissions, String group) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
            if (group != null) {
                var principal = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
                Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(principal);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no such group, not root, or no POSIX permissions: brokerCanRead tells the caller
        }
    }

    /** The configuration text: logins and ACL from the given files, ids bound to logins, listeners. */
    static String config(Path passwordFile, Path aclFile, List<Listener> listeners) {
        StringBuilder sb = new StringBuilder("# Skyshare broker rules; generated by `skyshare mosquitto-files`, "
                + "edit the station's broker accounts instead\n");
        sb.append("per_listener_settings false\n");
        sb.append("allow_anonymous false\n");
        sb.append("password_file ").append(passwordFile).append('\n');
        sb.append("acl_file ").append(aclFile).append('\n');
        for (Listener l : listeners) {
            sb.append("\nlistener ").append(l.port()).append(' ').append(l.host()).append('\n');
            // a listener option: a client's id is its login, so no login can take another's id
            // (the station's) and knock it off
            sb.append("use_username_as_clientid true\n");
            if (l.certFile() != null) {
                sb.append("certfile ").append(l.certFile().toAbsolutePath().normalize()).append('\n');
                sb.append("keyfile ").append(l.keyFile().toAbsolutePath().normalize()).append('\n');
            }
        }
        return sb.toString();
    }

    /** A "$7$iterations$salt$hash" entry (PBKDF2-HMAC-SHA512, 12-byte salt, 64-byte key). */
    static String hash(String password) {
        byte[] salt = new byte[12];
        RANDOM.nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 512);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-SHA512 is not available in this Java: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
