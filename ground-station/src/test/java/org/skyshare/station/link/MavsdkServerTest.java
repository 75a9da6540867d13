package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/** Runs only where a mavsdk_server is on the PATH: the MAVSDK link against a simulated vehicle. */
@EnabledIf("serverOnPath")
class MavsdkServerTest {
    private SimFleet sim;
    private MavsdkVehicleLink link;

    static Path serverPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "mavsdk_server");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static boolean serverOnPath() {
        return serverPath() != null;
    }

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void uploadsAMissionAndReadsTelemetryThroughMavsdk() throws Exception {
        // mavsdk_server speaks as ground station system id 245, MAVSDK's default
        VehicleConfig cfg = VehicleDefaults.simQuad().withGroundStationSystemId(245);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        int mavlinkPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            mavlinkPort = probe.getLocalPort();
        }
        int grpcPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            grpcPort = probe.getLocalPort();
        }
        vehicle.addGroundStation(new InetSocketAddress("127.0.0.1", mavlinkPort));
        link = MavsdkVehicleLink.startServer(serverPath(), "udp://:" + mavlinkPort, grpcPort, 1);
        until("MAVSDK connected", 30, () -> link.health().status() == LinkStatus.CONNECTED && link.telemetry().latest().position() != null);
        List<MissionItem> items = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 2, 5, 20, 30, 40);
        link.mission().upload(items).get(30, TimeUnit.SECONDS);
        assertThat(vehicle.missionSize()).isEqualTo(items.size());
        assertThat(link.mission().download().get(30, TimeUnit.SECONDS)).hasSize(items.size());
        assertThat(link.telemetry().latest().position().latDeg()).isCloseTo(cfg.homeLatDeg(), org.assertj.core.data.Offset.offset(1e-5));
    }
}
