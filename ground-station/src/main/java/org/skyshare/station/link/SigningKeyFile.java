package org.skyshare.station.link;

import org.skyshare.sim.mavlink.MavlinkSigning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A MAVLink 2 signing secret key read from a file, in one of three forms:
 * <ul>
 *   <li>exactly 32 bytes: the raw key;</li>
 *   <li>text of 64 hexadecimal digits (what {@code openssl rand -hex 32} writes);</li>
 *   <li>text of base64 that decodes to 32 bytes (what {@code openssl rand -base64 32} writes).</li>
 * </ul>
 * Surrounding white space and a final newline are ignored in the text forms. An all-zero key is
 * refused: ArduPilot reads it as "signing off".
 */
public final class SigningKeyFile {
    static final int KEY_BYTES = 32;

    private SigningKeyFile() {
    }

    /** The key for this side of a link; throws IllegalArgumentException naming the file and the expected forms. */
    public static MavlinkSigning read(Path file, int linkId) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder; expected a MAVLink signing key file");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the MAVLink signing key: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        byte[] key = decode(bytes);
        if (key == null) {
            throw new IllegalArgumentException(file + ": expected a MAVLink signing key: 32 raw bytes, 64 hex digits "
                    + "or base64 of 32 bytes (e.g. from 'openssl rand -hex 32'); the file has " + bytes.length + " bytes");
        }
        boolean allZero = true;
        for (byte b : key) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new IllegalArgumentException(file + ": the MAVLink signing key is all zeros, which autopilots read as "
                    + "'signing off'; write a random key (e.g. 'openssl rand -hex 32')");
        }
        return new MavlinkSigning(key, linkId);
    }

    static byte[] decode(byte[] bytes) {
        if (bytes.length == KEY_BYTES) {
            return bytes.clone();
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (text.length() == 2 * KEY_BYTES) {
            try {
                return HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException notHex) {
                // try base64 below
            }
        }
        try {
            byte[] key = Base64.getDecoder().decode(text);
            return key.length == KEY_BYTES ? key : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
