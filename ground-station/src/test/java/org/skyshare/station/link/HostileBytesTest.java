package org.skyshare.station.link;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * Malformed and hostile bytes on real sockets: damaged frames from a vehicle address reach the
 * station's link and are dropped and counted while the good ones keep it connected; with signing
 * on, unsigned and forged commands sent to a simulated vehicle are dropped and never obeyed.
 */
class HostileBytesTest {
    private DatagramSocket fakeVehicle;
    private SimFleet sim;
    private MavlinkVehicleLink link;

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        if (fakeVehicle != null) {
            fakeVehicle.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static Heartbeat heartbeat() {
        return Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .baseMode(EnumValue.create(MavModeFlag.class, 1)).customMode(4L << 16 | 3L << 24)
                .systemStatus(MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build();
    }

    @Test
    void damagedFramesAreDroppedAndCountedAndTheLinkStaysUp() throws Exception {
        fakeVehicle = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        link = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", fakeVehicle.getLocalPort(), 42));
        DatagramPacket first = new DatagramPacket(new byte[512], 512);
        fakeVehicle.receive(first); // the station's heartbeat tells us where it listens
        InetSocketAddress station = (InetSocketAddress) first.getSocketAddress();

        MavlinkCodec codec = new MavlinkCodec(42, 1);
        Random random = new Random(7);
        byte[] good = codec.encode(GlobalPositionInt.builder().lat(303660605).lon(1197550211).alt(50_000).build());
        int sentGood = 0;
        int hostile = 0;
        for (int round = 0; round < 300; round++) {
            send(station, codec.encode(heartbeat()));
            sentGood++;
            byte[] bad = good.clone();
            switch (round % 5) {
                case 0 -> bad[12] ^= 0x40;                                    // bad CRC
                case 1 -> bad = Arrays.copyOf(bad, 7 + random.nextInt(10));   // truncated
                case 2 -> bad[1] = (byte) 250;                                // wrong length for the id
                case 3 -> {                                                   // random bytes after a start marker
                    bad = new byte[1 + random.nextInt(300)];
                    random.nextBytes(bad);
                    bad[0] = (byte) 0xFD;
                }
                default -> bad[2] = (byte) 0x80;                              // unknown incompatibility flag
            }
            send(station, bad);
            hostile++;
        }
        int goodCount = sentGood;
        until("every good frame decoded", 5, () -> link.telemetry().messagesReceived() == goodCount);
        LinkHealth h = link.health();
        assertThat(h.status()).isEqualTo(LinkStatus.CONNECTED);
        assertThat(h.parse().badCrc()).isPositive();
        assertThat(h.parse().truncated()).isPositive();
        assertThat(h.parse().badLength()).isPositive();
        assertThat(h.parse().badHeader()).isPositive();
        assertThat(h.parse().dropped()).isGreaterThanOrEqualTo(hostile * 3L / 5);
        assertThat(link.telemetry().latest().flightMode()).isEqualTo(FlightMode.HOLD);
    }

    private void send(InetSocketAddress to, byte[] bytes) throws Exception {
        fakeVehicle.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Test
    void withSigningUnsignedAndForgedCommandsAreDroppedAndSignedOnesWork() throws Exception {
        MavlinkSigning vehicleKey = MavlinkSigning.fromPassphrase("skyshare fleet key", 0);
        MavlinkSigning stationKey = MavlinkSigning.fromPassphrase("skyshare fleet key", 1);
        VehicleConfig cfg = VehicleDefaults.simQuad().withSigning(vehicleKey).withSystemId(5);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);

        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), vehicle.udpPort());
            CommandLong arm = CommandLong.builder().targetSystem(5).targetComponent(1)
                    .command(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM).param1(1).build();
            byte[] unsigned = new MavlinkCodec(255, 190).encode(arm);
            byte[] forged = new MavlinkCodec(255, 190, MavlinkSigning.fromPassphrase("guessed key", 1)).encode(arm);
            for (int i = 0; i < 20; i++) {
                attacker.send(new DatagramPacket(unsigned, unsigned.length, target));
                attacker.send(new DatagramPacket(forged, forged.length, target));
            }
            until("vehicle dropped them all", 5, () -> vehicle.receiveStats().unsigned() == 20 && vehicle.receiveStats().badSignature() == 20);
            assertThat(vehicle.state().armed()).isFalse();
        }

        link = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 5).withSigning(stationKey));
        until("signed link connected", 5, () -> link.health().status() == LinkStatus.CONNECTED);
        link.mission().upload(TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 2, 5, 20, 30, 40)).get(5, TimeUnit.SECONDS);
        link.action().arm().get(5, TimeUnit.SECONDS);
        until("armed by the signed command", 3, () -> vehicle.state().armed());
        assertThat(link.health().parse().dropped()).isZero();
        assertThat(vehicle.missionSize()).isEqualTo(13);

        // a station with the wrong key is ignored: its heartbeats fail the vehicle's check, so it is never streamed to
        long before = vehicle.receiveStats().badSignature();
        try (MavlinkVehicleLink unkeyed = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 5)
                .withSigning(MavlinkSigning.fromPassphrase("wrong", 1)))) {
            until("vehicle drops the wrong-key heartbeats", 5, () -> vehicle.receiveStats().badSignature() >= before + 2);
            assertThat(unkeyed.health().status()).isEqualTo(LinkStatus.CONNECTING);
        }
    }
}
