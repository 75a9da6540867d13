package org.skyshare.station.link;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkFrameParser;
import org.skyshare.sim.mavlink.MavlinkSigning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyFileTest {
    @TempDir
    Path dir;

    private static final byte[] KEY = new byte[32];

    static {
        new Random(14).nextBytes(KEY);
    }

    /** Whether frames signed with {@code a} pass a parser that requires {@code b}. */
    private static boolean sameKey(MavlinkSigning a, MavlinkSigning b) {
        byte[] frame = new MavlinkCodec(1, 1, a).encode(GlobalPositionInt.builder().lat(1).build());
        MavlinkFrameParser parser = new MavlinkFrameParser(b);
        int[] delivered = {0};
        parser.acceptDatagram(frame, 0, frame.length, f -> delivered[0]++);
        return delivered[0] == 1;
    }

    @Test
    void rawHexAndBase64FilesGiveTheSameKey() throws Exception {
        Path raw = Files.write(dir.resolve("raw.key"), KEY);
        Path hex = Files.writeString(dir.resolve("hex.key"), HexFormat.of().formatHex(KEY) + "\n");
        Path b64 = Files.writeString(dir.resolve("b64.key"), "  " + Base64.getEncoder().encodeToString(KEY) + "\n");
        MavlinkSigning fromRaw = SigningKeyFile.read(raw, 0);
        assertThat(sameKey(SigningKeyFile.read(hex, 1), fromRaw)).isTrue();
        assertThat(sameKey(SigningKeyFile.read(b64, 2), fromRaw)).isTrue();
        assertThat(SigningKeyFile.read(b64, 2).linkId()).isEqualTo(2);
        assertThat(sameKey(MavlinkSigning.fromPassphrase("other", 0), fromRaw)).isFalse();
    }

    @Test
    void aBadKeyFileIsOneSentenceNamingTheFileAndTheFormsExpected() throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "abcdef\n");
        assertThatThrownBy(() -> SigningKeyFile.read(shortKey, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(shortKey + ": expected a MAVLink signing key: 32 raw bytes, 64 hex digits or base64 of 32 bytes "
                        + "(e.g. from 'openssl rand -hex 32'); the file has 7 bytes");
        Path zeros = Files.writeString(dir.resolve("zero.key"), "0".repeat(64));
        assertThatThrownBy(() -> SigningKeyFile.read(zeros, 0)).hasMessageContaining("all zeros");
        assertThatThrownBy(() -> SigningKeyFile.read(dir.resolve("missing.key"), 0))
                .hasMessage(dir.resolve("missing.key") + ": cannot read the MAVLink signing key: no such file");
        assertThatThrownBy(() -> SigningKeyFile.read(dir, 0)).hasMessageContaining("is a folder");
    }
}
