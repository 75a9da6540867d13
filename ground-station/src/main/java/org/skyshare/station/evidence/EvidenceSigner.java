package org.skyshare.station.evidence;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and checks evidence links: HMAC-SHA256 over the evidence id, the agency and the expiry,
 * with a station secret. A link is unguessable without the secret, names one agency, and dies at
 * its expiry; changing any of the three breaks the signature.
 */
public final class EvidenceSigner {
    private static final int KEY_BYTES = 32;
    private final SecretKeySpec key;

    public EvidenceSigner(byte[] secret) {
        if (secret.length < KEY_BYTES) {
            throw new IllegalArgumentException("an evidence link secret needs " + KEY_BYTES + " bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * The station's secret from {@code file}, made (32 random bytes, owner-only) at first start so
     * links survive a restart.
     */
    public static EvidenceSigner fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] secret = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(secret);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".link-key", ".tmp");
                restrict(tmp);
                Files.write(tmp, secret, StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new EvidenceSigner(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the evidence link secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions are all there is
        }
    }

    public String sign(String evidenceId, String agency, Instant expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((evidenceId + "\n" + agency + "\n" + expires.getEpochSecond())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** True when {@code signature} was made by this station for exactly this id, agency and expiry (constant time). */
    public boolean verify(String evidenceId, String agency, Instant expires, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(evidenceId, agency, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
