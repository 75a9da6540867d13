package org.skyshare.sim.stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.profiles.ThermalSpec;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.sim.camera.ThermalCamera;
import org.skyshare.sim.camera.VehiclePose;
import org.skyshare.sim.world.Scenario;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Radiometric frames over real loopback UDP sockets. */
class ThermalStreamTest {
    private static final ThermalSpec SPEC = ProfileCatalog.builtIn().camera("sim-thermal").thermal();
    private ThermalStreamReceiver receiver;
    private InetSocketAddress station;

    @BeforeEach
    void open() {
        receiver = new ThermalStreamReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        station = new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.port());
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private static FrameMetadata meta(long seq) {
        return new FrameMetadata(7, "sim-thermal", seq, 1_790_000_000_000_000L + seq * 200_000,
                new VehiclePose(30.39 + seq * 1e-5, 119.80 - seq * 1e-5, 120.5 + seq, 45 + seq),
                new GimbalAttitude(-90 + seq, 0.5, -3), 20.5);
    }

    @Test
    void renderedFramesArriveIntactWithTheirPose() throws Exception {
        World world = TestWorlds.grassWith(List.of(new Scenario.FireSpec("f", TestWorlds.ORIGIN_LAT, TestWorlds.ORIGIN_LON, 2, 500, 0)), List.of());
        ThermalCamera cam = new ThermalCamera(world, ProfileCatalog.builtIn().camera("sim-thermal"));
        int n = 12;
        RadiometricFrame[] sent = new RadiometricFrame[n];
        try (ThermalStreamSender sender = new ThermalStreamSender(station)) {
            for (int i = 0; i < n; i++) {
                FrameMetadata m = meta(i);
                sent[i] = cam.render(m.pose(), GimbalAttitude.NADIR, i);
                sender.send(m, sent[i]);
            }
            assertThat(sender.packetsSent()).isEqualTo(n * (long) Math.ceil((128 + 640 * 512 * 2) / 1400.0));
        }
        for (int i = 0; i < n; i++) {
            ReceivedThermalFrame r = receiver.poll(Duration.ofSeconds(5));
            assertThat(r).as("frame %d", i).isNotNull();
            assertThat(r.metadata().sequence()).isEqualTo(i);
            assertThat(r.metadata().streamId()).isEqualTo(7);
            assertThat(r.metadata().cameraId()).isEqualTo("sim-thermal");
            assertThat(r.metadata().captureTimeUs()).isEqualTo(meta(i).captureTimeUs());
            assertThat(r.metadata().pose().latDeg()).isEqualTo(meta(i).pose().latDeg());
            assertThat(r.metadata().pose().lonDeg()).isEqualTo(meta(i).pose().lonDeg());
            assertThat(r.metadata().pose().altitudeAmslM()).isEqualTo(meta(i).pose().altitudeAmslM());
            assertThat(r.metadata().pose().headingDeg()).isEqualTo(meta(i).pose().headingDeg());
            assertThat(r.metadata().gimbal().pitchDeg()).isEqualTo(meta(i).gimbal().pitchDeg());
            assertThat(r.frame().rawCounts()).isEqualTo(sent[i].rawCounts());
            assertThat(r.frame().spec().rawScale()).isEqualTo(SPEC.rawScale());
            assertThat(r.frame().spec().rawOffsetC()).isEqualTo(SPEC.rawOffsetC());
            assertThat(r.frame().temperatureC(320, 256)).isEqualTo(sent[i].temperatureC(320, 256));
        }
        StreamStats s = receiver.stats();
        assertThat(s.framesDelivered()).isEqualTo(n);
        assertThat(s.packetsDropped()).isZero();
        assertThat(s.framesIncomplete()).isZero();
    }

    @Test
    void corruptTruncatedAndForeignPacketsAreDroppedAndCountedAndTheStreamGoesOn() throws Exception {
        RadiometricFrame frame = flatFrame(64, 48, 25.0);
        try (ThermalStreamSender sender = new ThermalStreamSender(station, 1000);
             DatagramSocket raw = new DatagramSocket()) {
            sender.send(meta(1), frame);
            assertThat(receiver.poll(Duration.ofSeconds(5)).metadata().sequence()).isEqualTo(1);

            byte[] body = FrameBody.thermal(meta(2), frame);
            ByteBuffer p = ByteBuffer.allocate(PacketFormat.HEADER + 1000);
            PacketFormat.write(p, PacketFormat.TYPE_THERMAL, 0, 7, 7, 2, body.length, 0, body, 1000);
            byte[] good = Arrays.copyOf(p.array(), p.limit());
            byte[] flipped = good.clone();
            flipped[500] ^= 0x40;
            raw.send(new DatagramPacket(flipped, flipped.length, station));
            raw.send(new DatagramPacket(good, good.length - 300, station));
            raw.send(new DatagramPacket(good, 20, station));
            byte[] junk = "GET / HTTP/1.1\r\n\r\n".getBytes();
            raw.send(new DatagramPacket(junk, junk.length, station));

            sender.send(meta(3), frame);
            ReceivedThermalFrame after = receiver.poll(Duration.ofSeconds(5));
            assertThat(after).isNotNull();
            assertThat(after.metadata().sequence()).isEqualTo(3);
            assertThat(after.frame().temperatureC(10, 10)).isCloseTo(25.0, org.assertj.core.api.Assertions.within(0.026));
        }
        StreamStats s = receiver.stats();
        assertThat(s.badCrc()).isEqualTo(1);
        assertThat(s.truncated()).isEqualTo(2);
        assertThat(s.badMagic()).isEqualTo(1);
        assertThat(s.packetsDropped()).isEqualTo(4);
        assertThat(s.framesDelivered()).isEqualTo(2);
    }

    @Test
    void aFrameMissingAPacketIsDroppedAndCountedOnceNewerFramesArrive() throws Exception {
        RadiometricFrame frame = flatFrame(64, 48, 30.0);
        try (ThermalStreamSender sender = new ThermalStreamSender(station, 1000);
             DatagramSocket raw = new DatagramSocket()) {
            byte[] body = FrameBody.thermal(meta(10), frame);
            ByteBuffer p = ByteBuffer.allocate(PacketFormat.HEADER + 1000);
            int chunks = (body.length + 999) / 1000;
            for (int i = 1; i < chunks; i++) { // packet 0 lost
                int len = Math.min(1000, body.length - i * 1000);
                PacketFormat.write(p, PacketFormat.TYPE_THERMAL, i, chunks, 7, 10, body.length, i * 1000, body, len);
                raw.send(new DatagramPacket(p.array(), p.limit(), station));
            }
            for (long seq = 11; seq <= 10 + PacketReceiver.MAX_PENDING + 1; seq++) {
                // each newer frame also loses a packet, so the oldest pending ones are pushed out
                byte[] b = FrameBody.thermal(meta(seq), frame);
                PacketFormat.write(p, PacketFormat.TYPE_THERMAL, 1, chunks, 7, seq, b.length, 1000, b, 1000);
                raw.send(new DatagramPacket(p.array(), p.limit(), station));
            }
            sender.send(meta(99), frame);
            ReceivedThermalFrame r = receiver.poll(Duration.ofSeconds(5));
            assertThat(r.metadata().sequence()).isEqualTo(99);
        }
        assertThat(receiver.stats().framesIncomplete()).isGreaterThanOrEqualTo(1);
        assertThat(receiver.stats().framesDelivered()).isEqualTo(1);
    }

    private static RadiometricFrame flatFrame(int w, int h, double tempC) {
        short[] raw = new short[w * h];
        Arrays.fill(raw, (short) SPEC.toRaw(tempC));
        return new RadiometricFrame(w, h, raw, SPEC);
    }
}
