package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.FlightPhase;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.station.fleet.Dock;
import org.skyshare.station.fleet.Drone;
import org.skyshare.station.fleet.DroneEvent;
import org.skyshare.station.fleet.DroneState;
import org.skyshare.station.fleet.FailsafeSettings;
import org.skyshare.station.fleet.Fleet;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * The radio dies mid-sortie: the station marks the drone within its heartbeat timeout, the vehicle
 * flies the return the station set before takeoff, and when the radio comes back the station
 * reconnects and shows the drone returning, then docked.
 */
class LinkLossTest {
    private SimFleet sim;
    private Fleet fleet;

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static List<MissionItem> outAndBack(VehicleConfig cfg) {
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(0, 3, MavCmd.NAV_TAKEOFF, 0, 0, 0, 0, cfg.homeLatDeg(), cfg.homeLonDeg(), 40, true));
        for (int i = 1; i <= 20; i++) {
            items.add(new MissionItem(items.size(), 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, Float.NaN,
                    cfg.homeLatDeg() + i * 100 / 111_320.0, cfg.homeLonDeg(), 40, true));
        }
        items.add(new MissionItem(items.size(), 2, MavCmd.NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        return items;
    }

    @Test
    void stationNoticesVehicleReturnsStationReconnectsWithTheRightState() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withTimeFactor(20).withSystemId(3);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        fleet = new Fleet();
        fleet.addDock(new Dock("d1", ProfileCatalog.builtIn().dock("sim-dock"), cfg.homeLatDeg(), cfg.homeLonDeg()));
        Drone drone = fleet.addDrone(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 3).withHeartbeatTimeout(Duration.ofMillis(1500)), "d1");
        // the shortest allowed: the cut below (6 s) must outlast it
        drone.useFailsafes(FailsafeSettings.RETURN_ON_LINK_LOSS.withLinkLossTimeout(FailsafeSettings.MIN_LINK_LOSS_TIMEOUT_S));
        List<DroneEvent> events = new CopyOnWriteArrayList<>();
        fleet.onEvent(events::add);
        until("telemetry in", 5, () -> drone.link().telemetry().latest().battery() != null);

        drone.launch(outAndBack(cfg), List.of(), 50).get(10, TimeUnit.SECONDS);
        assertThat(vehicle.param("COM_DL_LOSS_T")).isEqualTo(2f);
        until("800 m out", 30, () -> vehicle.state().latDeg() > cfg.homeLatDeg() + 800 / 111_320.0);
        assertThat(drone.state()).isEqualTo(DroneState.AIRBORNE);

        long cutNs = System.nanoTime();
        vehicle.dropLink(Duration.ofSeconds(6));
        // noticed while the link is still cut; how soon is the scheduler's business on a busy machine,
        // and the heartbeat timeout runs from the last heartbeat (up to a second before the cut), so
        // the notice may come sooner than the timeout after the cut
        until("station marks the link lost", 6, drone::linkLost);
        double noticedS = (System.nanoTime() - cutNs) / 1e9;
        assertThat(noticedS).as("seconds from the cut to the station's notice").isLessThan(6);
        until("vehicle flies its data-link-loss return", 5, () -> vehicle.state().phase() == FlightPhase.RETURN);
        assertThat(drone.state()).isEqualTo(DroneState.AIRBORNE); // last known, flagged as lost

        until("link restored", 10, () -> !drone.linkLost() && drone.link().health().status() == LinkStatus.CONNECTED);
        until("station shows the drone returning", 3, () -> drone.state() == DroneState.RETURNING);
        assertThat(drone.link().health().connects()).isEqualTo(2);
        assertThat(drone.link().telemetry().latest().mission().finished()).isFalse();
        until("back in the dock", 30, () -> drone.state() == DroneState.CHARGING || drone.state() == DroneState.DOCKED);
        assertThat(events).extracting(DroneEvent::kind).containsSubsequence(DroneEvent.Kind.LINK_LOST, DroneEvent.Kind.LINK_RESTORED);
        assertThat(drone.snapshot().lastCompletedSeq()).isBetween(8, 20);
    }
}
