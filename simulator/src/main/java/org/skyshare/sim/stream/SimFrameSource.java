package org.skyshare.sim.stream;

import org.skyshare.vision.frame.FrameSenders;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.vision.frame.CapturePose;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.FrameSource;
import org.skyshare.vision.frame.FrameSourceStats;
import org.skyshare.vision.frame.ThermalImage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The station's view of the simulated drones' cameras as a vision {@link FrameSource}: radiometric
 * frames from every vehicle on one UDP port, plus any number of per-vehicle RGB streams, merged in
 * arrival order and converted to {@link Frame}s with their {@link CapturePose}. {@link #next()}
 * waits for the next frame and is empty only once the source is closed; {@link #poll(Duration)}
 * waits at most a timeout and also says which vehicle sent the frame. When the consumer falls
 * behind, the oldest waiting frame is dropped and counted as skipped.
 */
public final class SimFrameSource implements FrameSource {
    private final BlockingQueue<VehicleFrame> queue;
    private final FrameSourceStats stats = new FrameSourceStats();
    private final ThermalStreamReceiver thermal;
    private final List<RgbStreamReceiver> rgb = new ArrayList<>();
    private final String description;
    private final InetAddress bind;
    private final FrameSenders senders;
    private volatile boolean closed;

    /**
     * Listens for radiometric frames on a loopback UDP port of this host (0 picks one, see
     * {@link #thermalPort()}), from any sender on this machine.
     */
    public SimFrameSource(int thermalPort, int queueFrames) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), thermalPort), queueFrames, FrameSenders.any());
    }

    /**
     * @param thermalBind address and port for the radiometric frames; the RGB streams listen on the
     *                    same address. The streams carry no authentication: bind to loopback unless
     *                    the drones' cameras are on another host, and then name their addresses.
     * @param senders     who may send which vehicle's frames; packets from others are refused,
     *                    counted ({@link #refusedPackets()}) and logged
     */
    public SimFrameSource(InetSocketAddress thermalBind, int queueFrames, FrameSenders senders) {
        this.queue = new ArrayBlockingQueue<>(queueFrames);
        this.bind = thermalBind.getAddress();
        this.senders = senders;
        this.thermal = new ThermalStreamReceiver(thermalBind, queueFrames, this::onThermal, senders);
        this.description = "simulator frame stream (thermal on UDP " + thermal.address().getHostAddress() + ":"
                + thermal.port() + ")";
    }

    /**
     * Adds a vehicle's RGB stream: FFmpeg decodes MPEG-TS from {@code videoPort}; metadata comes on
     * {@code metadataPort} (0 picks one; read it back from the returned receiver).
     */
    public synchronized RgbStreamReceiver addRgbStream(int videoPort, int metadataPort, double frameRate) {
        RgbStreamReceiver r = new RgbStreamReceiver(bind, videoPort, metadataPort, frameRate, this::onRgb, senders);
        rgb.add(r);
        return r;
    }

    public int thermalPort() {
        return thermal.port();
    }

    /** Packets refused because their sender may not send that vehicle's frames (thermal and RGB metadata). */
    public synchronized long refusedPackets() {
        long n = thermal.refusedPackets();
        for (RgbStreamReceiver r : rgb) {
            n += r.refusedPackets();
        }
        return n;
    }

    public ThermalStreamReceiver thermalReceiver() {
        return thermal;
    }

    private void onThermal(ReceivedThermalFrame f) {
        FrameMetadata m = f.metadata();
        RadiometricFrame r = f.frame();
        Frame frame = Frame.thermal(m.sequence(), instant(m.captureTimeUs()), m.captureTimeUs() / 1e6, m.cameraId(), pose(m),
                ThermalImage.fromRaw(r.width(), r.height(), r.rawCounts(), r.spec()));
        offer(new VehicleFrame(m.streamId(), frame, f.receivedTimeUs()));
    }

    private void onRgb(ReceivedRgbFrame f) {
        FrameMetadata m = f.metadata();
        Frame frame = Frame.visual(m.sequence(), instant(m.captureTimeUs()), m.captureTimeUs() / 1e6, m.cameraId(), pose(m), f.image());
        offer(new VehicleFrame(m.streamId(), frame, f.receivedTimeUs()));
    }

    private void offer(VehicleFrame f) {
        while (!queue.offer(f)) {
            VehicleFrame dropped = queue.poll();
            if (dropped != null) {
                stats.skipped("frame " + dropped.frame().sequence() + " of vehicle " + dropped.systemId()
                        + " dropped: the consumer fell behind");
            }
        }
    }

    /** Converts the stream's pose to the vision pose: the gimbal is stabilised, so body roll/pitch are 0. */
    public static CapturePose pose(FrameMetadata m) {
        return new CapturePose(m.pose().latDeg(), m.pose().lonDeg(), m.pose().altitudeAmslM(), m.groundAltitudeAmslM(),
                0, 0, m.pose().headingDeg(), m.gimbal().pitchDeg(), m.gimbal().yawDeg(), m.gimbal().rollDeg());
    }

    private static Instant instant(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    /** The next frame with its vehicle, waiting at most a timeout; empty when none came or closed. */
    public Optional<VehicleFrame> poll(Duration timeout) {
        if (closed) {
            return Optional.empty();
        }
        try {
            VehicleFrame f = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (f != null) {
                stats.delivered();
            }
            return Optional.ofNullable(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Optional<Frame> next() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            Optional<VehicleFrame> f = poll(Duration.ofMillis(200));
            if (f.isPresent()) {
                return Optional.of(f.get().frame());
            }
        }
        return Optional.empty();
    }

    @Override
    public FrameSourceStats stats() {
        return stats;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        closed = true;
        thermal.close();
        for (RgbStreamReceiver r : rgb) {
            r.close();
        }
    }
}
