package org.skyshare.sim.stream;

import org.skyshare.vision.frame.FrameSenders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Receives {@link PacketFormat} packets on a UDP port on its own thread and reassembles frame
 * bodies. Bad packets are dropped and counted; a frame whose packets stop coming is dropped once
 * {@link #MAX_PENDING} newer frames are in flight or after {@link #STALE_MS}, and counted.
 */
final class PacketReceiver implements AutoCloseable {
    static final int MAX_PENDING = 4;
    static final long STALE_MS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(PacketReceiver.class);

    /** A reassembled body. */
    record Body(int type, int streamId, long sequence, byte[] bytes) {
    }

    private static final long REFUSAL_LOG_EVERY_MS = 10_000;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Consumer<Body> sink;
    private final FrameSenders senders;
    private final Map<InetAddress, Long> lastRefusalLogMs = new LinkedHashMap<>();
    private final Map<Long, Partial> pending = new LinkedHashMap<>();
    private volatile boolean running = true;
    final AtomicLong received = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong badMagic = new AtomicLong();
    final AtomicLong badCrc = new AtomicLong();
    final AtomicLong truncated = new AtomicLong();
    final AtomicLong incomplete = new AtomicLong();
    /** Packets from an address not allowed to send the stream they name ({@link FrameSenders}). */
    final AtomicLong refusedSender = new AtomicLong();

    PacketReceiver(InetSocketAddress bind, String name, Consumer<Body> sink) {
        this(bind, name, sink, FrameSenders.any());
    }

    PacketReceiver(InetSocketAddress bind, String name, Consumer<Body> sink, FrameSenders senders) {
        this.sink = sink;
        this.senders = senders;
        try {
            socket = new DatagramSocket(null);
            socket.setReuseAddress(false);
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(200);
            socket.bind(bind);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot listen for frames on UDP " + bind + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    InetAddress address() {
        return socket.getLocalAddress();
    }

    private void run() {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (running) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                expire(System.currentTimeMillis());
                continue;
            } catch (IOException e) {
                if (running) {
                    LOG.warn("frame stream socket failed: {}", e.getMessage());
                }
                return;
            }
            received.incrementAndGet();
            try {
                accept(buf, p.getLength(), p.getAddress());
            } catch (RuntimeException e) {
                // a body the sink could not use must not stop the stream
                LOG.warn("dropped a frame: {}", e.getMessage());
            }
        }
    }

    private void accept(byte[] buf, int length, InetAddress from) {
        switch (PacketFormat.check(buf, length)) {
            case BAD_MAGIC -> {
                badMagic.incrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            case TRUNCATED -> {
                truncated.incrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            case BAD_CRC -> {
                badCrc.incrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            default -> {
            }
        }
        PacketFormat.Header h = PacketFormat.header(buf);
        if (!senders.allows(from, h.streamId())) {
            refuse(from, h.streamId());
            return;
        }
        long key = ((long) h.streamId() << 40) ^ (h.type() * 0x100000000L) ^ h.sequence();
        Partial part = pending.get(key);
        if (part == null) {
            if (h.chunkCount() == 1) {
                byte[] body = new byte[h.bodyLength()];
                System.arraycopy(buf, PacketFormat.HEADER, body, h.offset(), h.payloadLength());
                sink.accept(new Body(h.type(), h.streamId(), h.sequence(), body));
                return;
            }
            part = new Partial(h, System.currentTimeMillis());
            pending.put(key, part);
            while (pending.size() > MAX_PENDING) {
                Iterator<Partial> it = pending.values().iterator();
                it.next();
                it.remove();
                incomplete.incrementAndGet();
            }
        }
        if (!part.add(h, buf)) {
            badCrc.incrementAndGet(); // consistent CRC but disagrees with the frame's other packets
            dropped.incrementAndGet();
            return;
        }
        if (part.complete()) {
            pending.remove(key);
            sink.accept(new Body(h.type(), h.streamId(), h.sequence(), part.body));
        }
    }

    /** Counts every refused packet; logs the first from an address, then at most one line per 10 s. */
    private void refuse(InetAddress from, int streamId) {
        long n = refusedSender.incrementAndGet();
        dropped.incrementAndGet();
        long now = System.currentTimeMillis();
        Long last = lastRefusalLogMs.get(from);
        if (last == null || now - last >= REFUSAL_LOG_EVERY_MS) {
            if (lastRefusalLogMs.size() > 1000) {
                lastRefusalLogMs.clear();
            }
            lastRefusalLogMs.put(from, now);
            LOG.warn("refused frame packets from {} for vehicle {} on UDP {}: not that vehicle's address ({}); "
                    + "{} packets refused so far", from.getHostAddress(), streamId, port(), senders, n);
        }
    }

    private void expire(long nowMs) {
        for (Iterator<Partial> it = pending.values().iterator(); it.hasNext(); ) {
            if (nowMs - it.next().startedMs > STALE_MS) {
                it.remove();
                incomplete.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Partial {
        final byte[] body;
        final int chunkCount;
        final BitSet got;
        final long startedMs;

        Partial(PacketFormat.Header h, long startedMs) {
            this.body = new byte[h.bodyLength()];
            this.chunkCount = h.chunkCount();
            this.got = new BitSet(chunkCount);
            this.startedMs = startedMs;
        }

        boolean add(PacketFormat.Header h, byte[] buf) {
            if (h.chunkCount() != chunkCount || h.bodyLength() != body.length) {
                return false;
            }
            System.arraycopy(buf, PacketFormat.HEADER, body, h.offset(), h.payloadLength());
            got.set(h.chunkIndex());
            return true;
        }

        boolean complete() {
            return got.cardinality() == chunkCount;
        }
    }
}
