package org.skyshare.sim.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** Sends frame bodies as {@link PacketFormat} packets over UDP. Not thread-safe: one per stream. */
final class PacketSender implements AutoCloseable {
    /** Payload per packet: with the 32-byte header and IP/UDP headers a packet fits a 1500-byte MTU. */
    static final int DEFAULT_PAYLOAD = 1400;

    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final int payloadSize;
    private final ByteBuffer packet;
    private long packetsSent;

    PacketSender(InetSocketAddress target, int payloadSize) {
        if (payloadSize < 64 || payloadSize > 65000) {
            throw new IllegalArgumentException("packet payload must be 64..65000 bytes, got " + payloadSize);
        }
        this.target = target;
        this.payloadSize = payloadSize;
        this.packet = ByteBuffer.allocate(PacketFormat.HEADER + payloadSize);
        try {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket to stream frames to " + target, e);
        }
    }

    void send(int type, int streamId, long sequence, byte[] body) throws IOException {
        int chunks = (body.length + payloadSize - 1) / payloadSize;
        if (chunks > PacketFormat.MAX_CHUNKS) {
            throw new IllegalArgumentException("a frame of " + body.length + " bytes needs more than " + PacketFormat.MAX_CHUNKS + " packets");
        }
        for (int i = 0; i < chunks; i++) {
            int offset = i * payloadSize;
            int len = Math.min(payloadSize, body.length - offset);
            PacketFormat.write(packet, type, i, chunks, streamId, sequence, body.length, offset, body, len);
            channel.send(packet, target);
            packetsSent++;
        }
    }

    long packetsSent() {
        return packetsSent;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
