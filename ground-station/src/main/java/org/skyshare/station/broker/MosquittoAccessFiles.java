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

/**
 * Writes the password file and ACL that give an external Mosquitto broker the same logins and
 * topic rights as the embedded broker ({@link TopicAcl}). Passwords are stored as Mosquitto 2's
 * PBKDF2-SHA512 hashes ("$7$"), the format {@code mosquitto_passwd} writes.
 */
public final class MosquittoAccessFiles {
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
