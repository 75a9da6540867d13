package org.skyshare.sim.stream;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RgbCamera;
import org.skyshare.sim.camera.VehiclePose;
import org.skyshare.sim.world.Scenario;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;

import java.awt.image.BufferedImage;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RGB frames through FFmpeg (MPEG-TS over UDP) with the metadata side channel, on loopback. */
class RgbStreamTest {
    private static final CameraProfile FULL = ProfileCatalog.builtIn().camera("sim-rgb");
    // half size keeps the test quick; the transport does not care about the size
    private static final CameraProfile RGB = new CameraProfile(FULL.id(), FULL.name(), FULL.manufacturer(), FULL.cameraKind(),
            FULL.sensorWidthMm(), FULL.sensorHeightMm(), FULL.focalLengthMm(), 640, 360, FULL.minCaptureIntervalS(),
            FULL.gimbal(), FULL.mountOffsetDeg(), null, FULL.source());
    private static final long T0_US = 1_790_000_000_000_000L;

    static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static VehiclePose pose(long seq) {
        return new VehiclePose(TestWorlds.ORIGIN_LAT, TestWorlds.ORIGIN_LON + seq * 2e-6, TestWorlds.GROUND_M + 100, 0);
    }

    @Test
    void framesArriveDecodedWithTheirOwnPoseOnceTheStationHasJoined() throws Exception {
        World world = TestWorlds.grassWith(List.of(new Scenario.FireSpec("f", TestWorlds.ORIGIN_LAT, TestWorlds.ORIGIN_LON, 3, 600, 0.5)), List.of());
        RgbCamera cam = new RgbCamera(world, RGB);
        int videoPort = freeUdpPort();
        double fps = 10;
        int n = 20;
        Map<Long, BufferedImage> sent = new HashMap<>();
        Map<Long, ReceivedRgbFrame> got = new HashMap<>();
        try (RgbStreamReceiver receiver = new RgbStreamReceiver(videoPort, 0, fps)) {
            InetSocketAddress video = new InetSocketAddress(InetAddress.getLoopbackAddress(), videoPort);
            InetSocketAddress meta = new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.metadataPort());
            try (RgbStreamSender sender = new RgbStreamSender(video, meta, RGB.imageWidthPx(), RGB.imageHeightPx(), fps)) {
                assertThat(sender.codecName()).isEqualTo("libopenh264");
                // the station joins a running stream: it needs a key frame before the first picture
                long seq = 0;
                long deadline = System.nanoTime() + 90_000_000_000L;
                while (got.isEmpty() && System.nanoTime() < deadline) {
                    send(sender, cam, seq++, null);
                    ReceivedRgbFrame r = receiver.poll(Duration.ofMillis(100));
                    if (r != null) {
                        got.put(r.metadata().sequence(), r);
                    }
                }
                assertThat(got).as("a picture within 90 s").isNotEmpty();
                long first = seq;
                got.clear();
                for (int i = 0; i < n; i++) {
                    send(sender, cam, seq++, sent);
                    ReceivedRgbFrame r = receiver.poll(Duration.ofMillis(100));
                    if (r != null) {
                        got.put(r.metadata().sequence(), r);
                    }
                }
                // the encoder holds no frames back (no B-frames), but the last ones may still be in flight
                deadline = System.nanoTime() + 10_000_000_000L;
                while (got.keySet().stream().filter(k -> k >= first).count() < n && System.nanoTime() < deadline) {
                    ReceivedRgbFrame r = receiver.poll(Duration.ofMillis(100));
                    if (r != null) {
                        got.put(r.metadata().sequence(), r);
                    }
                }
                for (long s = first; s < first + n; s++) {
                    ReceivedRgbFrame r = got.get(s);
                    assertThat(r).as("frame %d", s).isNotNull();
                    assertThat(r.metadata().pose()).isEqualTo(pose(s));
                    assertThat(r.metadata().captureTimeUs()).isEqualTo(T0_US + s * 100_000L);
                    assertThat(r.metadata().streamId()).isEqualTo(3);
                    assertThat(meanAbsoluteDifference(sent.get(s), r.image())).as("frame %d after H.264", s).isLessThan(6);
                }
                assertThat(receiver.framesUnmatched()).isZero();
            }
        }
    }

    /**
     * At a patrol's 2 frames a second every frame held back in the pipe costs half a second of
     * frame-to-alert latency, so each picture must come out of the decoder before the next one is
     * sent: the muxer may not keep a frame's PES open, nor the decoder wait for later frames.
     */
    @Test
    void eachPictureIsDecodedBeforeTheNextIsSent() throws Exception {
        World world = TestWorlds.grassWith(List.of(), List.of());
        RgbCamera cam = new RgbCamera(world, RGB);
        int videoPort = freeUdpPort();
        double fps = 2;
        try (RgbStreamReceiver receiver = new RgbStreamReceiver(videoPort, 0, fps)) {
            InetSocketAddress video = new InetSocketAddress(InetAddress.getLoopbackAddress(), videoPort);
            InetSocketAddress meta = new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.metadataPort());
            try (RgbStreamSender sender = new RgbStreamSender(video, meta, RGB.imageWidthPx(), RGB.imageHeightPx(), fps)) {
                long seq = 0;
                ReceivedRgbFrame first = null;
                while (first == null && seq < 200) {
                    send(sender, cam, seq++, null);
                    first = receiver.poll(Duration.ofMillis(200));
                }
                assertThat(first).as("the station joined the stream").isNotNull();
                // drain what the joining left in the pipe
                while (receiver.poll(Duration.ofMillis(1500)) != null) {
                    // older pictures
                }
                List<String> heldBack = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    long s = seq++;
                    send(sender, cam, s, null);
                    ReceivedRgbFrame r = receiver.poll(Duration.ofSeconds(5));
                    if (r == null || r.metadata().sequence() != s) {
                        heldBack.add("sent " + s + ", got " + (r == null ? "nothing" : "frame " + r.metadata().sequence()));
                    }
                }
                assertThat(heldBack).as("frames not out of the decoder before the next was sent").isEmpty();
            }
        }
    }

    /** A few rendered views reused in turn, so the test's time goes to the transport, not to rendering. */
    private final Map<Long, BufferedImage> views = new HashMap<>();

    private void send(RgbStreamSender sender, RgbCamera cam, long seq, Map<Long, BufferedImage> keep) throws Exception {
        BufferedImage img = views.computeIfAbsent(seq % 4, k -> cam.render(pose(k), GimbalAttitude.NADIR, k));
        if (keep != null) {
            keep.put(seq, img);
        }
        sender.send(new FrameMetadata(3, "sim-rgb", seq, T0_US + seq * 100_000L, pose(seq), GimbalAttitude.NADIR, TestWorlds.GROUND_M), img);
    }

    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int count = 0;
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
                count += 3;
            }
        }
        return (double) sum / count;
    }
}
