package org.skyshare.sim.stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.sim.camera.ThermalCamera;
import org.skyshare.sim.camera.VehiclePose;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.FrameSenders;
import org.skyshare.vision.geo.FrameGeoreferencing;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.vision.thermal.ThermalParameters;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 14: radiometric frames of a fire, forged and sent to the station's thermal
 * port by a host that is not the vehicle. The frame source listens on loopback by default and takes
 * a vehicle's frames only from that vehicle's address, so the forged frames never reach vision (no
 * detection, hence no alert); the same frames from the vehicle's address do, and are a fire.
 */
class ForgedFramesTest {
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");
    private static final int VEHICLE = 1;
    private final World world = TestWorlds.demo();

    /** Three frames of the demo fire as vehicle 1's camera would send them. */
    private void sendFireFrames(int port, ThermalStreamSender sender) throws Exception {
        GroundTruth.FireTruth fire = world.groundTruth().fires().get(0);
        VehiclePose pose = new VehiclePose(fire.latDeg() + 0.0001, fire.lonDeg() - 0.0001, world.groundAltitudeM() + 110, 90);
        RadiometricFrame r = new ThermalCamera(world, THERMAL).render(pose, GimbalAttitude.NADIR, 1);
        long now = Instant.now().toEpochMilli() * 1000;
        for (int seq = 1; seq <= 3; seq++) {
            sender.send(new FrameMetadata(VEHICLE, THERMAL.id(), seq, now + seq * 1000L, pose, GimbalAttitude.NADIR,
                    world.groundAltitudeM()), r);
        }
    }

    private static boolean isFire(Frame f) {
        FrameGeoreferencing geo = new FrameGeoreferencing(ProfileCatalog.builtIn());
        return new ThermalHotspotDetector(ThermalParameters.defaults(), geo).detect(f).stream()
                .anyMatch(d -> d.kind() == DetectionKind.FIRE);
    }

    @Test
    void framesByDefaultListenOnLoopbackOnly() {
        try (SimFrameSource source = new SimFrameSource(0, 4)) {
            assertThat(source.thermalReceiver().address().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void forgedFireFramesFromAnotherHostAreRefusedCountedAndLogged() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger packets = (Logger) LoggerFactory.getLogger(PacketReceiver.class);
        packets.addAppender(log);
        // the vehicle is at 127.0.0.2; the forger sends from this host's 127.0.0.1
        InetAddress vehicle = InetAddress.getByName("127.0.0.2");
        try (SimFrameSource station = new SimFrameSource(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16,
                FrameSenders.byVehicle(Map.of(VEHICLE, Set.of(vehicle))))) {
            InetSocketAddress port = new InetSocketAddress(InetAddress.getLoopbackAddress(), station.thermalPort());
            long sent;
            try (ThermalStreamSender forger = new ThermalStreamSender(port)) {
                sendFireFrames(station.thermalPort(), forger);
                sent = forger.packetsSent();
            }
            assertThat(sent).isGreaterThanOrEqualTo(6);
            // every forged packet is accounted for as refused (the event waited for, with a deadline)
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (station.refusedPackets() < sent && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            assertThat(station.refusedPackets()).isEqualTo(sent);
            assertThat(station.poll(Duration.ZERO)).as("forged frames reach vision").isEmpty();
            assertThat(station.thermalReceiver().stats().framesDelivered()).isZero();
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("refused frame packets from 127.0.0.1 for vehicle 1").contains("not that vehicle's address"));
        } finally {
            packets.detachAppender(log);
        }

        // the control: the same frames from the vehicle's own address are taken, and they are a fire
        try (SimFrameSource station = new SimFrameSource(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16,
                FrameSenders.byVehicle(Map.of(VEHICLE, Set.of(InetAddress.getLoopbackAddress()))));
             ThermalStreamSender camera = new ThermalStreamSender(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), station.thermalPort()))) {
            sendFireFrames(station.thermalPort(), camera);
            Optional<VehicleFrame> got = station.poll(Duration.ofSeconds(20));
            assertThat(got).isPresent();
            assertThat(got.get().systemId()).isEqualTo(VEHICLE);
            assertThat(isFire(got.get().frame())).as("the frames show a fire").isTrue();
            assertThat(station.refusedPackets()).isZero();
        }
    }
}
