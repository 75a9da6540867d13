package org.skyshare.sim.stream;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The packet layer of Skyshare's frame streams (see docs/sim-world.md, "Stream protocol"):
 * a 32-byte big-endian header, then a chunk of the frame body.
 *
 * <pre>
 *  0 u32 magic 'SKRF'        4 u8 version (1)        5 u8 type (1 thermal chunk, 2 RGB metadata)
 *  6 u16 chunk index         8 u16 chunk count      10 u16 payload length
 * 12 u32 stream id          16 u32 frame sequence   20 u32 frame body length
 * 24 u32 payload offset     28 u32 CRC-32 of bytes 0..27 and the payload
 * </pre>
 */
final class PacketFormat {
    static final int MAGIC = 0x534B5246; // "SKRF"
    static final int VERSION = 1;
    static final int TYPE_THERMAL = 1;
    static final int TYPE_RGB_META = 2;
    static final int HEADER = 32;
    static final int MAX_CHUNKS = 0xffff;

    private PacketFormat() {
    }

    /** Writes one packet into {@code out} (position 0, flipped for sending). */
    static void write(ByteBuffer out, int type, int chunkIndex, int chunkCount, int streamId, long sequence,
                      int bodyLength, int offset, byte[] body, int payloadLength) {
        out.clear();
        out.putInt(MAGIC).put((byte) VERSION).put((byte) type).putShort((short) chunkIndex).putShort((short) chunkCount)
                .putShort((short) payloadLength).putInt(streamId).putInt((int) sequence).putInt(bodyLength).putInt(offset);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, 28);
        crc.update(body, offset, payloadLength);
        out.putInt((int) crc.getValue());
        out.put(body, offset, payloadLength);
        out.flip();
    }

    enum Verdict { OK, BAD_MAGIC, TRUNCATED, BAD_CRC }

    /** A packet's header fields once it has passed every check. */
    record Header(int type, int chunkIndex, int chunkCount, int payloadLength, int streamId, long sequence,
                  int bodyLength, int offset) {
    }

    static Verdict check(byte[] buf, int length) {
        if (length < HEADER) {
            return length >= 4 && ByteBuffer.wrap(buf, 0, 4).getInt() == MAGIC ? Verdict.TRUNCATED : Verdict.BAD_MAGIC;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, length);
        if (b.getInt(0) != MAGIC || b.get(4) != VERSION) {
            return Verdict.BAD_MAGIC;
        }
        int payload = b.getShort(10) & 0xffff;
        if (length != HEADER + payload) {
            return Verdict.TRUNCATED;
        }
        int chunkIndex = b.getShort(6) & 0xffff;
        int chunkCount = b.getShort(8) & 0xffff;
        long bodyLength = b.getInt(20) & 0xffffffffL;
        long offset = b.getInt(24) & 0xffffffffL;
        CRC32 crc = new CRC32();
        crc.update(buf, 0, 28);
        crc.update(buf, HEADER, payload);
        if ((int) crc.getValue() != b.getInt(28)) {
            return Verdict.BAD_CRC;
        }
        // a packet with a valid CRC but impossible fields was still built wrong: treat as corrupt
        if (chunkCount == 0 || chunkIndex >= chunkCount || offset + payload > bodyLength) {
            return Verdict.BAD_CRC;
        }
        return Verdict.OK;
    }

    static Header header(byte[] buf) {
        ByteBuffer b = ByteBuffer.wrap(buf);
        return new Header(b.get(5) & 0xff, b.getShort(6) & 0xffff, b.getShort(8) & 0xffff, b.getShort(10) & 0xffff,
                b.getInt(12), b.getInt(16) & 0xffffffffL, b.getInt(20), b.getInt(24));
    }
}
