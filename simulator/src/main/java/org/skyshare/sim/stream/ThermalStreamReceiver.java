package org.skyshare.sim.stream;

import org.skyshare.vision.frame.FrameSenders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The station's end of a radiometric frame stream: listens on a UDP port, checks and reassembles
 * packets from any number of vehicles, verifies each frame's pixel CRC and yields complete frames.
 * Bad packets and frames are dropped and counted ({@link #stats()}); the stream goes on. When the
 * consumer falls behind, the oldest waiting frame is dropped (fresh frames matter more).
 */
public final class ThermalStreamReceiver implements AutoCloseable {
    private final BlockingQueue<ReceivedThermalFrame> frames;
    private final Consumer<ReceivedThermalFrame> listener;
    private final PacketReceiver receiver;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();

    /** Listens on a loopback port of this host; port 0 picks a free one ({@link #port()}). */
    public ThermalStreamReceiver(int port) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    }

    public ThermalStreamReceiver(InetSocketAddress bind, int queueFrames) {
        this(bind, queueFrames, null);
    }

    /**
     * @param listener when not null, receives every frame on the receiving thread instead of the
     *                 queue ({@link #poll} then stays empty); it must return quickly
     */
    public ThermalStreamReceiver(InetSocketAddress bind, int queueFrames, Consumer<ReceivedThermalFrame> listener) {
        this(bind, queueFrames, listener, FrameSenders.any());
    }

    /** @param senders who may send which vehicle's frames; packets from anyone else are refused and counted */
    public ThermalStreamReceiver(InetSocketAddress bind, int queueFrames, Consumer<ReceivedThermalFrame> listener,
                                 FrameSenders senders) {
        this.listener = listener;
        this.frames = new ArrayBlockingQueue<>(queueFrames);
        this.receiver = new PacketReceiver(bind, "thermal-stream-" + bind.getPort(), this::onBody, senders);
    }

    private void onBody(PacketReceiver.Body body) {
        if (body.type() != PacketFormat.TYPE_THERMAL) {
            corrupt.incrementAndGet();
            return;
        }
        FrameBody.Decoded d;
        try {
            d = FrameBody.decode(body.streamId(), body.sequence(), body.bytes(), true);
        } catch (IllegalArgumentException e) {
            corrupt.incrementAndGet();
            return;
        }
        ReceivedThermalFrame f = new ReceivedThermalFrame(d.metadata(), d.thermal(), StreamClock.nowUs());
        delivered.incrementAndGet();
        if (listener != null) {
            listener.accept(f);
            return;
        }
        while (!frames.offer(f)) {
            if (frames.poll() != null) {
                overflowed.incrementAndGet();
            }
        }
    }

    public int port() {
        return receiver.port();
    }

    /** The address it listens on (loopback unless configured otherwise). */
    public InetAddress address() {
        return receiver.address();
    }

    /** Packets refused because their sender may not send that vehicle's frames. */
    public long refusedPackets() {
        return receiver.refusedSender.get();
    }

    /** The next frame, waiting up to a timeout; null when none came. */
    public ReceivedThermalFrame poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public StreamStats stats() {
        return new StreamStats(receiver.received.get(), receiver.dropped.get(), receiver.badMagic.get(), receiver.badCrc.get(),
                receiver.truncated.get(), delivered.get(), receiver.incomplete.get(), corrupt.get(), overflowed.get());
    }

    @Override
    public void close() {
        receiver.close();
    }
}
