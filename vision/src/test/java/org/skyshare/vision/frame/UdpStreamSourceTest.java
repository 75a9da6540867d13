package org.skyshare.vision.frame;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A live H.264-in-MPEG-TS stream over UDP, as drones and the simulator send, read while it is sent. */
class UdpStreamSourceTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readsAnMpegTsStreamOverUdpWhileItIsSent() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "udp://127.0.0.1:" + port;
        // the receiver must listen before the sender starts: open it on another thread (it blocks until data arrives)
        // the sender streams until the receiver has what it needs: no guess at when the receiver is listening
        java.util.concurrent.atomic.AtomicBoolean received = new java.util.concurrent.atomic.AtomicBoolean();
        // own threads: the common pool may have a single worker on a 2-core machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<VideoFrameSource> opening = CompletableFuture.supplyAsync(
                () -> new VideoFrameSource(url + "?timeout=20000000", "sim-rgb", PoseTrack.NONE, 0), threads);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(url + "?pkt_size=1316", received), threads);
        threads.shutdown();
        List<Frame> frames = new ArrayList<>();
        try (VideoFrameSource source = opening.get(30, TimeUnit.SECONDS)) {
            for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                frames.add(f.get());
                if (frames.size() >= 20) {
                    break;
                }
            }
        } finally {
            received.set(true);
        }
        sending.get(30, TimeUnit.SECONDS);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(20);
        assertThat(frames.get(0).rgb().getWidth()).isEqualTo(320);
        // presentation times increase along the stream
        assertThat(frames.get(19).mediaTimeS()).isGreaterThan(frames.get(0).mediaTimeS());
    }

    /** Sends at 20 fps until {@code done}, at most 60 s. */
    private static void send(String url, java.util.concurrent.atomic.AtomicBoolean done) {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(url, 320, 240);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("mpegts");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(20);
            rec.setGopSize(5);
            rec.setVideoBitrate(500_000);
            rec.start();
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
            long start = System.nanoTime();
            for (int i = 0; i < 1200 && !done.get(); i++) {
                Graphics2D g = img.createGraphics();
                g.setColor(Color.DARK_GRAY);
                g.fillRect(0, 0, 320, 240);
                g.setColor(Color.ORANGE);
                g.fillRect((i * 4) % 300, 100, 20, 20);
                g.dispose();
                rec.record(conv.convert(img));
                // pace the stream like a camera (20 fps) so the receiver's socket buffer does not overflow
                long due = start + (i + 1) * 50_000_000L;
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            rec.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
