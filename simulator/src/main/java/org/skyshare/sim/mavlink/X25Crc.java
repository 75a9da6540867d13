package org.skyshare.sim.mavlink;

/** CRC-16/MCRF4XX ("X.25") as MAVLink uses it for frame checksums. */
final class X25Crc {
    private X25Crc() {
    }

    static int accumulate(int crc, int b) {
        int tmp = (b ^ crc) & 0xff;
        tmp = (tmp ^ (tmp << 4)) & 0xff;
        return ((crc >>> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >>> 4)) & 0xffff;
    }

    /** Checksum over bytes [from, to) of a frame, then the message's CRC_EXTRA seed. */
    static int frame(byte[] buf, int from, int to, int crcExtra) {
        int crc = 0xffff;
        for (int i = from; i < to; i++) {
            crc = accumulate(crc, buf[i]);
        }
        return accumulate(crc, crcExtra);
    }
}
