package org.skyshare.sim.mavlink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAVLink 2 signing key shared by a station and a vehicle (32 bytes), and the link id this side
 * signs with. Signatures are the first 6 bytes of SHA-256(key || frame || link id || timestamp).
 */
public final class MavlinkSigning {
    /** Timestamps count 10 microsecond units since 2015-01-01T00:00:00Z, as the protocol defines. */
    static final long EPOCH_2015_MS = 1420070400000L;

    private final byte[] secretKey;
    private final int linkId;
    private long lastTimestamp;

    public MavlinkSigning(byte[] secretKey, int linkId) {
        if (secretKey == null || secretKey.length != 32) {
            throw new IllegalArgumentException("a MAVLink signing key must be 32 bytes, got "
                    + (secretKey == null ? "none" : secretKey.length));
        }
        if (linkId < 0 || linkId > 255) {
            throw new IllegalArgumentException("signing link id must be 0..255, got " + linkId);
        }
        this.secretKey = secretKey.clone();
        this.linkId = linkId;
    }

    /** A key derived from a passphrase (SHA-256 of its UTF-8 bytes), the way QGroundControl derives one. */
    public static MavlinkSigning fromPassphrase(String passphrase, int linkId) {
        return new MavlinkSigning(sha256().digest(passphrase.getBytes(StandardCharsets.UTF_8)), linkId);
    }

    public static MavlinkSigning fromHex(String hexKey, int linkId) {
        try {
            return new MavlinkSigning(HexFormat.of().parseHex(hexKey.trim()), linkId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key must be 64 hex digits: " + e.getMessage(), e);
        }
    }

    public int linkId() {
        return linkId;
    }

    byte[] key() {
        return secretKey;
    }

    /**
     * Continues after a timestamp this key already signed with (persisted by the station), so that
     * after a restart, even with a clock set back, no timestamp is used twice: a receiver would
     * take the frames for a replay and drop them.
     */
    public synchronized void resumeAfter(long timestamp) {
        lastTimestamp = Math.max(lastTimestamp, timestamp);
    }

    /** The last timestamp signed with (10 us units since 2015-01-01), 0 before the first. */
    public synchronized long lastTimestamp() {
        return lastTimestamp;
    }

    /**
     * SETUP_SIGNING for a vehicle: gives it this key and a starting timestamp (ArduPilot stores
     * both; it answers nothing, so connecting with the key is the confirmation). Send it only over a
     * link you trust (a cable, or before the vehicle leaves the bench): the key travels in clear.
     */
    public io.dronefleet.mavlink.common.SetupSigning setupMessage(int targetSystem, int targetComponent) {
        return io.dronefleet.mavlink.common.SetupSigning.builder().targetSystem(targetSystem).targetComponent(targetComponent)
                .secretKey(secretKey.clone()).initialTimestamp(java.math.BigInteger.valueOf(clockTimestamp())).build();
    }

    /** The timestamp the clock gives now, in the protocol's units. */
    public static long clockTimestamp() {
        return (System.currentTimeMillis() - EPOCH_2015_MS) * 100;
    }

    /** Strictly increasing even when called faster than the 10 us tick. */
    synchronized long nextTimestamp() {
        long now = (System.currentTimeMillis() - EPOCH_2015_MS) * 100;
        lastTimestamp = Math.max(now, lastTimestamp + 1);
        return lastTimestamp;
    }

    /** The 6-byte signature over frame[0, signedLength) where signedLength covers link id and timestamp. */
    static byte[] signature(MessageDigest sha, byte[] key, byte[] frame, int offset, int signedLength) {
        sha.reset();
        sha.update(key);
        sha.update(frame, offset, signedLength);
        return Arrays.copyOf(sha.digest(), 6);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
