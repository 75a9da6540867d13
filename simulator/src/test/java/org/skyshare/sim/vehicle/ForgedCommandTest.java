package org.skyshare.sim.vehicle;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkSigning;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack from issue 14: a stranger on the network sends COMMAND_LONG ARM, TAKEOFF and a mission
 * upload to a simulated vehicle from its own system id. The vehicle obeys only its ground station's
 * system id (or, with signing on, a valid signature), like ArduPilot with SYSID_ENFORCE, and counts
 * the refusals.
 */
class ForgedCommandTest {
    private SimFleet sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private static final CommandLong ARM = CommandLong.builder().targetSystem(1).targetComponent(1)
            .command(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM).param1(1).build();
    private static final CommandLong TAKEOFF = CommandLong.builder().targetSystem(1).targetComponent(1)
            .command(MavCmd.MAV_CMD_NAV_TAKEOFF).param7(20).build();
    private static final Heartbeat GCS_HEARTBEAT = Heartbeat.builder().type(MavType.MAV_TYPE_GCS)
            .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID).systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build();

    @Test
    void commandsFromAnotherSystemIdAreRefusedAndCountedAndTheGroundStationsAreObeyed() throws Exception {
        sim = SimFleet.start(List.of(VehicleDefaults.simQuad()), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        assertThat(vehicle.config().groundStationSystemId()).isEqualTo(255);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), vehicle.udpPort());
            MavlinkCodec stranger = new MavlinkCodec(66, 190);
            send(socket, target, stranger.encode(GCS_HEARTBEAT));
            send(socket, target, stranger.encode(ARM));
            send(socket, target, stranger.encode(TAKEOFF));
            send(socket, target, stranger.encode(MissionCount.builder().targetSystem(1).targetComponent(1).count(3).build()));
            await("three refused commands", () -> vehicle.refusedCommands() == 3);
            assertThat(vehicle.foreignFrames()).isEqualTo(4);
            assertThat(vehicle.state().armed()).isFalse();
            assertThat(vehicle.state().airborne()).isFalse();
            assertThat(vehicle.missionSize()).isZero();

            // the same command from the ground station's system id is obeyed
            MavlinkCodec station = new MavlinkCodec(255, 190);
            send(socket, target, station.encode(ARM));
            await("armed by the ground station", () -> vehicle.state().armed());
            assertThat(vehicle.refusedCommands()).isEqualTo(3);
        }
    }

    @Test
    void withSigningASignedCommandIsObeyedFromAnySystemIdAndUnsignedOnesFromTheStationIdAreNot() throws Exception {
        MavlinkSigning key = MavlinkSigning.fromPassphrase("fleet key", 0);
        sim = SimFleet.start(List.of(VehicleDefaults.simQuad().withSigning(key)), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), vehicle.udpPort());
            send(socket, target, new MavlinkCodec(255, 190).encode(ARM));
            await("unsigned ARM dropped", () -> vehicle.receiveStats().unsigned() == 1);
            assertThat(vehicle.state().armed()).isFalse();
            send(socket, target, new MavlinkCodec(77, 190, MavlinkSigning.fromPassphrase("fleet key", 3)).encode(ARM));
            await("armed by the signed command", () -> vehicle.state().armed());
            assertThat(vehicle.refusedCommands()).isZero();
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] frame) throws Exception {
        socket.send(new DatagramPacket(frame, frame.length, to));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 5 s waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
