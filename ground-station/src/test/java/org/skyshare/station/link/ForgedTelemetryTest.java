package org.skyshare.station.link;

import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkSigning;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * The attack from issue 14: forged telemetry showing a docked drone as airborne. A vehicle socket
 * reports "docked, disarmed"; an attacker then sends "armed, 50 m up, in the air" from another
 * address, from the vehicle's address under another system id or component id, and, with signing
 * on, unsigned or signed with the wrong key. None of it changes the drone's state; each is counted
 * in the link health. Real UDP sockets, the real link.
 */
class ForgedTelemetryTest {
    private static final int VEHICLE = 42;
    private DatagramSocket vehicleSocket;
    private DatagramSocket attackerSocket;
    private MavlinkVehicleLink link;
    private InetSocketAddress station;

    @BeforeEach
    void sockets() throws Exception {
        vehicleSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        attackerSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        vehicleSocket.close();
        attackerSocket.close();
    }

    private void connect(MavlinkSigning stationKey) throws Exception {
        LinkConfig cfg = LinkConfig.udp("127.0.0.1", vehicleSocket.getLocalPort(), VEHICLE);
        link = MavlinkVehicleLink.connect(stationKey == null ? cfg : cfg.withSigning(stationKey));
        DatagramPacket first = new DatagramPacket(new byte[512], 512);
        vehicleSocket.receive(first); // the station's heartbeat says where it listens (the attacker learns it the same way, by sniffing)
        station = (InetSocketAddress) first.getSocketAddress();
    }

    private static byte[][] docked(MavlinkCodec codec) {
        return new byte[][] {
                codec.encode(heartbeat(false)),
                codec.encode(GlobalPositionInt.builder().lat(303660605).lon(1197550211).alt(50_000).relativeAlt(0).build()),
                codec.encode(ExtendedSysState.builder().landedState(MavLandedState.MAV_LANDED_STATE_ON_GROUND).build())};
    }

    private static byte[][] airborne(MavlinkCodec codec) {
        return new byte[][] {
                codec.encode(heartbeat(true)),
                codec.encode(GlobalPositionInt.builder().lat(303660605).lon(1197550211).alt(100_000).relativeAlt(50_000).vz((short) -200).build()),
                codec.encode(ExtendedSysState.builder().landedState(MavLandedState.MAV_LANDED_STATE_IN_AIR).build())};
    }

    private static Heartbeat heartbeat(boolean armed) {
        return Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .baseMode(EnumValue.create(MavModeFlag.class, armed ? 129 : 1)).customMode(4L << 16 | 3L << 24)
                .systemStatus(armed ? MavState.MAV_STATE_ACTIVE : MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build();
    }

    private void send(DatagramSocket from, byte[]... frames) throws Exception {
        for (byte[] f : frames) {
            from.send(new DatagramPacket(f, f.length, station));
        }
    }

    private void assertDocked() {
        TelemetrySnapshot t = link.telemetry().latest();
        assertThat(t.armed()).isFalse();
        assertThat(t.landedState()).isEqualTo(LandedState.ON_GROUND);
        assertThat(t.position().relativeAltitudeM()).isZero();
    }

    @Test
    void forgedTelemetryFromAnotherAddressSystemOrComponentLeavesTheDockedDroneDocked() throws Exception {
        connect(null);
        MavlinkCodec vehicle = new MavlinkCodec(VEHICLE, 1);
        send(vehicleSocket, docked(vehicle));
        until("docked drone connected", 5, () -> link.health().status() == LinkStatus.CONNECTED
                && link.telemetry().messagesReceived() == 3);
        long genuine = link.telemetry().messagesReceived();

        // the vehicle's own system and component id, from the attacker's address
        send(attackerSocket, airborne(new MavlinkCodec(VEHICLE, 1)));
        // from the vehicle's address (a compromised companion computer, or a router that forwards): other system, other component
        send(vehicleSocket, airborne(new MavlinkCodec(7, 1)));
        send(vehicleSocket, airborne(new MavlinkCodec(VEHICLE, 191)));
        until("all nine forged frames refused", 5, () -> link.health().refused().total() == 9, () -> "" + link.health().refused());

        LinkRefusals refused = link.health().refused();
        assertThat(refused.foreignAddress()).isEqualTo(3);
        assertThat(refused.foreignSystem()).isEqualTo(3);
        assertThat(refused.foreignComponent()).isEqualTo(3);
        assertThat(link.telemetry().messagesReceived()).isEqualTo(genuine);
        assertThat(link.telemetry().latest().systemId()).isEqualTo(VEHICLE);
        assertDocked();

        // the real vehicle's frames still get through afterwards
        send(vehicleSocket, airborne(vehicle));
        until("the vehicle's own take-off is seen", 5, () -> link.telemetry().latest().armed());
    }

    @Test
    void withSigningUnsignedAndWronglySignedTelemetryIsDroppedAndCountedAndSignedPasses() throws Exception {
        MavlinkSigning stationKey = MavlinkSigning.fromPassphrase("fleet key", 1);
        connect(stationKey);
        MavlinkCodec vehicle = new MavlinkCodec(VEHICLE, 1, MavlinkSigning.fromPassphrase("fleet key", 0));
        send(vehicleSocket, docked(vehicle));
        until("signed docked drone connected", 5, () -> link.health().status() == LinkStatus.CONNECTED
                && link.telemetry().latest().landedState() == LandedState.ON_GROUND);

        send(vehicleSocket, airborne(new MavlinkCodec(VEHICLE, 1)));
        send(vehicleSocket, airborne(new MavlinkCodec(VEHICLE, 1, MavlinkSigning.fromPassphrase("guessed key", 0))));
        until("unsigned and wrongly signed frames dropped", 5,
                () -> link.health().parse().unsigned() == 3 && link.health().parse().badSignature() == 3, () -> "" + link.health().parse());
        assertDocked();

        send(vehicleSocket, airborne(vehicle));
        until("the signed take-off is seen", 5, () -> link.telemetry().latest().armed()
                && link.telemetry().latest().position().relativeAltitudeM() == 50.0);
        assertThat(link.health().parse().dropped()).isEqualTo(6);
    }
}
