package org.skyshare.sim.mavlink;


import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns bytes from a socket into {@link MavlinkFrame}s, validating everything a hostile or damaged
 * link can get wrong: start marker, incompatibility flags, payload length for the message id,
 * checksum with CRC_EXTRA, and, when a signing key is required, the signature and a strictly
 * increasing timestamp per (system, component, link). Anything invalid is dropped and counted in
 * {@link #stats()}; nothing here throws on input.
 *
 * <p>One parser per link and per reading thread (it keeps state between calls); {@link #stats()}
 * may be read from any thread.
 */
public final class MavlinkFrameParser {
    private static final int STX_V2 = 0xFD;
    private static final int STX_V1 = 0xFE;
    private static final int MAX_FRAME = 10 + 255 + 2 + 13;
    /**
     * MAVLink 2 lets a sender append extension fields newer than this dialect (PX4 1.15 adds
     * opaque_id to MISSION_ACK and MISSION_COUNT, mission ids to MISSION_CURRENT); the checksum
     * seed covers only the base fields, so such frames are checked whole and decoded without the
     * fields this dialect does not know. Longer than this many extra bytes is a damaged length.
     */
    private static final int NEWER_EXTENSIONS_MAX = 16;
    /** How far behind this side's clock a new signed stream may start: one minute, in 10 us units (the spec's). */
    static final long NEW_STREAM_WINDOW = 60L * 100_000;

    private final MessageRegistry registry = MessageRegistry.COMMON;
    private final MavlinkSigning requiredSigning;
    private final MessageDigest sha;
    private final Map<Integer, Long> lastTimestamps = new HashMap<>();

    /** Told about each whole frame of a richer dialect, which is skipped undecoded. */
    @FunctionalInterface
    public interface UnknownFrameListener {
        void skipped(int systemId, int componentId, int sequence, int messageId);
    }

    private UnknownFrameListener unknownFrames = (sys, comp, seq, id) -> { };

    private byte[] pending = new byte[0];
    private int pendingLength;

    // single writer (the reading thread), volatile so other threads see current counts
    private volatile long frames;
    private volatile long skippedBytes;
    private volatile long badCrc;
    private volatile long badLength;
    private volatile long badHeader;
    private volatile long truncated;
    private volatile long unknownMessage;
    private volatile long unsigned;
    private volatile long badSignature;
    private volatile long replayed;
    private volatile long decodeErrors;

    public MavlinkFrameParser() {
        this(null);
    }

    /** @param requiredSigning when not null, only frames signed with this key are accepted */
    public MavlinkFrameParser(MavlinkSigning requiredSigning) {
        this.requiredSigning = requiredSigning;
        this.sha = requiredSigning == null ? null : MavlinkSigning.sha256();
    }

    /**
     * Receives the header of every frame skipped as unknown, so a link can still follow sequence
     * numbers (ArduPilot interleaves its own dialect's messages with common ones).
     */
    public void onUnknownFrame(UnknownFrameListener listener) {
        unknownFrames = listener;
    }

    public ParseStats stats() {
        return new ParseStats(frames, skippedBytes, badCrc, badLength, badHeader, truncated, unknownMessage, unsigned,
                badSignature, replayed, decodeErrors);
    }

    /**
     * One UDP datagram: whole frames only. Bytes left at its end cannot be completed by a later
     * datagram and count as one truncated frame.
     */
    public void acceptDatagram(byte[] buf, int offset, int length, Consumer<MavlinkFrame> sink) {
        int end = offset + length;
        int pos = parse(buf, offset, end, sink);
        if (pos < end) {
            truncated++;
        }
    }

    /** Bytes from a stream (TCP, serial): a frame may span calls. */
    public void acceptStream(byte[] buf, int offset, int length, Consumer<MavlinkFrame> sink) {
        if (pendingLength == 0) {
            int end = offset + length;
            int pos = parse(buf, offset, end, sink);
            keep(buf, pos, end - pos);
            return;
        }
        if (pending.length < pendingLength + length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + length, 2 * MAX_FRAME));
        }
        System.arraycopy(buf, offset, pending, pendingLength, length);
        int end = pendingLength + length;
        int pos = parse(pending, 0, end, sink);
        int left = end - pos;
        System.arraycopy(pending, pos, pending, 0, left);
        pendingLength = left;
    }

    private void keep(byte[] buf, int from, int count) {
        if (pending.length < count) {
            pending = new byte[Math.max(count, 2 * MAX_FRAME)];
        }
        System.arraycopy(buf, from, pending, 0, count);
        pendingLength = count;
    }

    /** Parses whole frames in [pos, end); returns where an incomplete frame starts (or end). */
    private int parse(byte[] buf, int pos, int end, Consumer<MavlinkFrame> sink) {
        while (pos < end) {
            int stx = buf[pos] & 0xff;
            if (stx != STX_V2 && stx != STX_V1) {
                skippedBytes++;
                pos++;
                continue;
            }
            boolean v2 = stx == STX_V2;
            int headerLength = v2 ? 10 : 6;
            if (end - pos < headerLength) {
                return pos;
            }
            int len = buf[pos + 1] & 0xff;
            int incompat = v2 ? buf[pos + 2] & 0xff : 0;
            if ((incompat & ~1) != 0) {
                badHeader++;
                pos++;
                continue;
            }
            boolean signed = (incompat & 1) != 0;
            int total = headerLength + len + 2 + (signed ? 13 : 0);
            int msgId = v2
                    ? (buf[pos + 7] & 0xff) | (buf[pos + 8] & 0xff) << 8 | (buf[pos + 9] & 0xff) << 16
                    : buf[pos + 5] & 0xff;
            MessageRegistry.Info info = registry.byId(msgId);
            if (info != null && (v2 ? len > info.payloadLength() + NEWER_EXTENSIONS_MAX : len != info.v1PayloadLength())) {
                badLength++;
                pos++;
                continue;
            }
            if (end - pos < total) {
                return pos;
            }
            if (info == null) {
                // a message of a richer dialect: skip it whole, its checksum cannot be checked here
                unknownMessage++;
                unknownFrames.skipped(buf[pos + (v2 ? 5 : 3)] & 0xff, buf[pos + (v2 ? 6 : 4)] & 0xff,
                        buf[pos + (v2 ? 4 : 2)] & 0xff, msgId);
                pos += total;
                continue;
            }
            int crcAt = pos + headerLength + len;
            int crc = (buf[crcAt] & 0xff) | (buf[crcAt + 1] & 0xff) << 8;
            if (crc != X25Crc.frame(buf, pos + 1, crcAt, info.crcExtra())) {
                badCrc++;
                pos++;
                continue;
            }
            if (requiredSigning != null && !signatureAccepted(buf, pos, total, signed, v2)) {
                pos += total;
                continue;
            }
            byte[] payload = new byte[info.payloadLength()];
            System.arraycopy(buf, pos + headerLength, payload, 0, Math.min(len, payload.length));
            Object message;
            try {
                message = PayloadCodec.decode(payload, info.type());
            } catch (RuntimeException e) {
                decodeErrors++;
                pos += total;
                continue;
            }
            int seq = buf[pos + (v2 ? 4 : 2)] & 0xff;
            int sys = buf[pos + (v2 ? 5 : 3)] & 0xff;
            int comp = buf[pos + (v2 ? 6 : 4)] & 0xff;
            frames++;
            pos += total;
            sink.accept(new MavlinkFrame(sys, comp, seq, msgId, message, v2, signed));
        }
        return pos;
    }

    private boolean signatureAccepted(byte[] buf, int pos, int total, boolean signed, boolean v2) {
        if (!v2 || !signed) {
            unsigned++;
            return false;
        }
        int sigStart = pos + total - 13;
        byte[] expected = MavlinkSigning.signature(sha, requiredSigning.key(), buf, pos, total - 6);
        for (int i = 0; i < 6; i++) {
            if (expected[i] != buf[sigStart + 7 + i]) {
                badSignature++;
                return false;
            }
        }
        long ts = 0;
        for (int i = 5; i >= 0; i--) {
            ts = (ts << 8) | (buf[sigStart + 1 + i] & 0xff);
        }
        int stream = (buf[pos + 5] & 0xff) << 16 | (buf[pos + 6] & 0xff) << 8 | (buf[sigStart] & 0xff);
        Long last = lastTimestamps.get(stream);
        if (last != null && ts <= last) {
            replayed++;
            return false;
        }
        if (last == null && ts < MavlinkSigning.clockTimestamp() - NEW_STREAM_WINDOW) {
            // a stream this side has not seen (e.g. since a restart) starting more than a minute in
            // the past is a recording played back, as the signing spec says: a signed "airborne"
            // captured during a flight must not show the docked drone as airborne after a restart
            replayed++;
            return false;
        }
        lastTimestamps.put(stream, ts);
        return true;
    }
}
