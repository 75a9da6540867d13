package org.skyshare.sim.stream;

import org.skyshare.vision.frame.FrameSenders;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The station's end of one vehicle's RGB stream: FFmpeg decodes the MPEG-TS/UDP video, a second
 * socket takes the metadata side channel, and each decoded picture is paired with the metadata of
 * the same presentation time. Pictures whose metadata never came are dropped and counted.
 */
public final class RgbStreamReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RgbStreamReceiver.class);
    private static final int KEEP_METADATA = 256;
    private static final long READ_TIMEOUT_US = 3_000_000;

    private final int videoPort;
    private final Consumer<ReceivedRgbFrame> listener;
    private final double frameRate;
    private final PacketReceiver metadata;
    private final Map<Long, FrameMetadata> byFrameIndex = new ConcurrentHashMap<>();
    private final BlockingQueue<ReceivedRgbFrame> frames = new ArrayBlockingQueue<>(32);
    private final Thread decoder;
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private volatile boolean running = true;
    private volatile FFmpegFrameGrabber grabber;

    static {
        // a receiver joining a running stream sees pictures before the first parameter sets; the
        // decoder says so at ERROR level and recovers at the next key frame, which is expected here
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    /**
     * @param videoPort    UDP port the MPEG-TS video arrives on (must be free)
     * @param metadataPort UDP port of the metadata side channel; 0 picks one ({@link #metadataPort()})
     * @param frameRate    the sender's nominal frame rate, which spaces presentation times
     */

    public RgbStreamReceiver(int videoPort, int metadataPort, double frameRate) {
        this(videoPort, metadataPort, frameRate, null);
    }

    /** @param listener when not null, receives every frame on the decoding thread instead of the queue */
    public RgbStreamReceiver(int videoPort, int metadataPort, double frameRate, Consumer<ReceivedRgbFrame> listener) {
        this(InetAddress.getLoopbackAddress(), videoPort, metadataPort, frameRate, listener, FrameSenders.any());
    }

    /**
     * @param bind    the address the metadata socket listens on (loopback to stay on this machine).
     *                FFmpeg's video socket stays as it was: a picture becomes a frame only with its
     *                metadata, so a forged video alone yields nothing.
     * @param senders who may send which vehicle's metadata; a picture whose metadata was refused is
     *                dropped as unmatched
     */
    public RgbStreamReceiver(InetAddress bind, int videoPort, int metadataPort, double frameRate,
                             Consumer<ReceivedRgbFrame> listener, FrameSenders senders) {
        this.listener = listener;
        this.videoPort = videoPort;
        this.frameRate = frameRate;
        this.metadata = new PacketReceiver(new InetSocketAddress(bind, metadataPort), "rgb-metadata-" + videoPort,
                this::onMetadata, senders);
        this.decoder = new Thread(this::decode, "rgb-video-" + videoPort);
        decoder.setDaemon(true);
        decoder.start();
    }

    public int metadataPort() {
        return metadata.port();
    }

    private void onMetadata(PacketReceiver.Body body) {
        if (body.type() != PacketFormat.TYPE_RGB_META) {
            return;
        }
        FrameBody.Decoded d = FrameBody.decode(body.streamId(), body.sequence(), body.bytes(), false);
        long index = Math.round(d.videoPtsUs() * frameRate / 1e6);
        byFrameIndex.put(index, d.metadata());
        if (byFrameIndex.size() > KEEP_METADATA) {
            byFrameIndex.keySet().removeIf(k -> k < index - KEEP_METADATA / 2);
        }
    }

    private void decode() {
        Java2DFrameConverter converter = new Java2DFrameConverter();
        while (running) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber("udp://0.0.0.0:" + videoPort + "?buffer_size=4194304")) {
                g.setFormat("mpegts");
                // the udp protocol's read timeout (microseconds) lets close() stop a waiting decoder; it
                // must be well above the frame interval, or a slow sender makes every start time out
                g.setOption("timeout", String.valueOf(READ_TIMEOUT_US));
                // no demuxer buffering, no parser (each PES is one frame, so a frame need not wait for
                // the start of the next) and one decoding thread (frame threads hold a frame each)
                g.setOption("fflags", "nobuffer+noparse+nofillin");
                g.setOption("probesize", "131072");
                g.setOption("analyzeduration", "300000");
                g.setVideoOption("threads", "1");
                grabber = g;
                g.start();
                Frame f;
                while (running && (f = g.grabImage()) != null) {
                    handle(f, converter);
                }
            } catch (Exception e) {
                if (running) {
                    LOG.debug("video stream on UDP {} restarting: {}", videoPort, e.getMessage());
                }
            }
        }
    }

    private void handle(Frame f, Java2DFrameConverter converter) {
        // presentation slots are half intervals: even ones carry pictures, odd ones the sender's
        // repeats (see RgbStreamSender), which only push the picture out of the demuxer
        long slot = Math.round(f.timestamp * 2 * frameRate / 1e6);
        if (slot % 2 != 0) {
            return;
        }
        long index = slot / 2;
        decoded.incrementAndGet();
        FrameMetadata m = byFrameIndex.remove(index);
        if (m == null) {
            unmatched.incrementAndGet();
            return;
        }
        BufferedImage src = converter.getBufferedImage(f);
        BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(src, 0, 0, null);
        ReceivedRgbFrame r = new ReceivedRgbFrame(m, copy, StreamClock.nowUs());
        if (listener != null) {
            listener.accept(r);
            return;
        }
        while (!frames.offer(r)) {
            if (frames.poll() != null) {
                overflowed.incrementAndGet();
            }
        }
    }

    public ReceivedRgbFrame poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public long framesDecoded() {
        return decoded.get();
    }

    /** Pictures dropped because no metadata matched them. */
    public long framesUnmatched() {
        return unmatched.get();
    }

    /** Metadata packets refused because their sender may not send that vehicle's frames. */
    public long refusedPackets() {
        return metadata.refusedSender.get();
    }

    public long metadataPacketsDropped() {
        return metadata.dropped.get();
    }

    @Override
    public void close() {
        running = false;
        metadata.close();
        try {
            decoder.join(READ_TIMEOUT_US / 1000 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
