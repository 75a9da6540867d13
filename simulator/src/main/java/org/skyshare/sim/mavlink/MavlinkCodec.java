package org.skyshare.sim.mavlink;


import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one boundary between Skyshare and the io.dronefleet MAVLink library: encodes messages as
 * MAVLink 2 frames for one sender (system id, component id), optionally signed. Decoding lives in
 * {@link MavlinkFrameParser}. Both the simulator's vehicles and the station's links use these two
 * classes, so the wire format has one implementation.
 *
 * <p>Thread-safe: several threads may encode for the same sender (the sequence number is atomic).
 */
public final class MavlinkCodec {
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(MavlinkSigning::sha256);

    private final int systemId;
    private final int componentId;
    private final MavlinkSigning signing;
    private final AtomicInteger sequence = new AtomicInteger();

    public MavlinkCodec(int systemId, int componentId) {
        this(systemId, componentId, null);
    }

    /** @param signing signs every frame when not null */
    public MavlinkCodec(int systemId, int componentId, MavlinkSigning signing) {
        if (systemId < 1 || systemId > 255) {
            throw new IllegalArgumentException("MAVLink system id must be 1..255, got " + systemId);
        }
        if (componentId < 0 || componentId > 255) {
            throw new IllegalArgumentException("MAVLink component id must be 0..255, got " + componentId);
        }
        this.systemId = systemId;
        this.componentId = componentId;
        this.signing = signing;
    }

    public int systemId() {
        return systemId;
    }

    public int componentId() {
        return componentId;
    }

    /** A complete MAVLink 2 frame for this message (an io.dronefleet message object). */
    public byte[] encode(Object message) {
        MessageRegistry.Info info = MessageRegistry.COMMON.byType(message.getClass());
        byte[] payload = PayloadCodec.encode(message);
        int len = payload.length;
        // MAVLink 2 drops trailing zero bytes of the payload, but always keeps the first one
        while (len > 1 && payload[len - 1] == 0) {
            len--;
        }
        boolean signed = signing != null;
        byte[] frame = new byte[10 + len + 2 + (signed ? 13 : 0)];
        frame[0] = (byte) 0xFD;
        frame[1] = (byte) len;
        frame[2] = (byte) (signed ? 1 : 0);
        frame[3] = 0;
        frame[4] = (byte) sequence.getAndIncrement();
        frame[5] = (byte) systemId;
        frame[6] = (byte) componentId;
        frame[7] = (byte) info.id();
        frame[8] = (byte) (info.id() >>> 8);
        frame[9] = (byte) (info.id() >>> 16);
        System.arraycopy(payload, 0, frame, 10, len);
        int crc = X25Crc.frame(frame, 1, 10 + len, info.crcExtra());
        frame[10 + len] = (byte) crc;
        frame[11 + len] = (byte) (crc >>> 8);
        if (signed) {
            int s = 12 + len;
            frame[s] = (byte) signing.linkId();
            long ts = signing.nextTimestamp();
            for (int i = 0; i < 6; i++) {
                frame[s + 1 + i] = (byte) (ts >>> (8 * i));
            }
            byte[] sig = MavlinkSigning.signature(SHA.get(), signing.key(), frame, 0, s + 7);
            System.arraycopy(sig, 0, frame, s + 7, 6);
        }
        return frame;
    }
}
