package org.skyshare.sim.stream;

import org.skyshare.sim.camera.RadiometricFrame;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Streams radiometric frames to a station over UDP in the documented packet format: each frame is
 * one body (capture time, pose, gimbal, raw-count mapping, 16-bit counts) split into packets of at
 * most 1,432 bytes. Not thread-safe: one sender per vehicle's thermal camera.
 */
public final class ThermalStreamSender implements AutoCloseable {
    private final PacketSender sender;

    public ThermalStreamSender(InetSocketAddress station) {
        this(station, PacketSender.DEFAULT_PAYLOAD);
    }

    public ThermalStreamSender(InetSocketAddress station, int payloadBytesPerPacket) {
        this.sender = new PacketSender(station, payloadBytesPerPacket);
    }

    public void send(FrameMetadata metadata, RadiometricFrame frame) throws IOException {
        if (frame.spec().rawBits() != 16) {
            throw new IllegalArgumentException("the thermal stream carries 16-bit counts; camera " + metadata.cameraId()
                    + " has " + frame.spec().rawBits());
        }
        sender.send(PacketFormat.TYPE_THERMAL, metadata.streamId(), metadata.sequence(), FrameBody.thermal(metadata, frame));
    }

    public long packetsSent() {
        return sender.packetsSent();
    }

    @Override
    public void close() throws IOException {
        sender.close();
    }
}
