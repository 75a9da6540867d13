package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.link.Await.until;

/** The same vehicle over TCP: telemetry, mission round trip, clear, parameters and a refused command. */
class TcpLinkTest {
    private SimFleet sim;
    private MavlinkVehicleLink link;

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
    void missionParamsAndCommandsOverTcp() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withSystemId(9);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        assertThat(vehicle.tcpPort()).isPositive();
        link = MavlinkVehicleLink.connect(LinkConfig.of("tcp://127.0.0.1:" + vehicle.tcpPort(), 0)
                .withItemTimeout(java.time.Duration.ofMillis(400), 3));
        until("connected over TCP", 5, () -> link.health().status() == LinkStatus.CONNECTED
                && link.telemetry().latest().home() != null);
        assertThat(link.systemId()).isEqualTo(9);
        assertThat(link.telemetry().latest().home().latDeg()).isEqualTo(cfg.homeLatDeg(), org.assertj.core.data.Offset.offset(1e-7));

        List<MissionItem> sortie = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 4, 10, 20, 30, 40);
        link.mission().upload(sortie).get(5, TimeUnit.SECONDS);
        assertThat(link.mission().download().get(5, TimeUnit.SECONDS)).hasSize(sortie.size());
        link.mission().setCurrent(5).get(5, TimeUnit.SECONDS);
        assertThat(vehicle.state().missionSeq()).isEqualTo(5);
        link.mission().clear().get(5, TimeUnit.SECONDS);
        assertThat(vehicle.missionSize()).isZero();

        link.params().set("RTL_RETURN_ALT", 75).get(5, TimeUnit.SECONDS);
        assertThat(link.params().get("RTL_RETURN_ALT").get(5, TimeUnit.SECONDS)).isEqualTo(75f);
        assertThatThrownBy(() -> link.params().get("NO_SUCH_PARAM").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("vehicle 9 did not report parameter NO_SUCH_PARAM after 4 tries of 400 ms");
        assertThatThrownBy(() -> link.action().startMission().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("refused MISSION_START: MAV_RESULT_DENIED");
    }
}
