package org.skyshare.station.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.FlightPhase;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.station.link.FenceZone;
import org.skyshare.station.link.GeoPoint;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.LinkException;
import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.TestSorties;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.link.Await.until;

/**
 * A docked drone flies a several-hundred-point sortie through the fleet: preflight, airborne, a
 * low-battery return, charging in the dock, a battery swap, and the rest of the sortie resumed from
 * the last completed waypoint, back to the dock.
 */
class FleetSortieTest {
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

    @Test
    void sortieInterruptedByLowBatteryResumesAfterASwapFromTheLastCompletedWaypoint() throws Exception {
        // a dock that charges in half an hour, so CHARGING lasts long enough to be seen at time factor 60
        VehicleConfig cfg = VehicleDefaults.simQuad().withTimeFactor(60).withSystemId(7)
                .withDock(ProfileCatalog.builtIn().dock("dji-dock-2"));
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        fleet = new Fleet();
        fleet.addDock(new Dock("dock-jingshan-sub", ProfileCatalog.builtIn().dock("sim-dock"), cfg.homeLatDeg(), cfg.homeLonDeg()));
        Drone drone = fleet.addDrone(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 7), "dock-jingshan-sub");
        List<String> events = new CopyOnWriteArrayList<>();
        fleet.onEvent(e -> events.add(e.kind() + " " + e.message()));
        until("link up and telemetry in", 5, () -> drone.link().health().status() == LinkStatus.CONNECTED
                && drone.link().telemetry().latest().battery() != null);

        java.util.function.Supplier<String> diag = () -> "\n" + drone.snapshot() + "\n" + vehicle.state() + "\n" + drone.history() + "\n" + events;
        List<MissionItem> sortie = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 16, 25, 20, 30, 50);
        // a no-fly square well away from the survey, uploaded as an exclusion fence
        double lat = cfg.homeLatDeg() - 0.01;
        double lon = cfg.homeLonDeg() - 0.01;
        List<FenceZone> fence = List.of(FenceZone.exclusion(List.of(new GeoPoint(lat, lon), new GeoPoint(lat + 0.002, lon),
                new GeoPoint(lat + 0.002, lon + 0.002), new GeoPoint(lat, lon + 0.002))));
        drone.launch(sortie, fence, 90).get(15, TimeUnit.SECONDS);
        assertThat(vehicle.param("NAV_DLL_ACT")).isEqualTo(2f);
        assertThat(vehicle.fenceSize()).isEqualTo(4);
        assertThat(drone.dock().lid()).isEqualTo(LidState.OPEN);
        until("airborne", 10, () -> drone.state() == DroneState.AIRBORNE, diag);

        until("a third of the sortie done", 60, () -> drone.snapshot().lastCompletedSeq() > sortie.size() / 3, diag);
        // critical at 15 %: the return from anywhere in the survey ends well before the 5 % emergency landing
        drone.link().params().set("BAT_CRIT_THR", 0.15f).get(5, TimeUnit.SECONDS);
        vehicle.injectBatteryPct(14.5);
        until("returning on low battery", 10, () -> drone.state() == DroneState.RETURNING, diag);
        until("landed and charging in the dock", 60, () -> drone.state() == DroneState.CHARGING, diag);
        int completed = drone.snapshot().lastCompletedSeq();
        assertThat(completed).isBetween(sortie.size() / 3, sortie.size() - 3);
        assertThat(drone.dock().lid()).isEqualTo(LidState.CLOSED);
        assertThat(drone.dock().aircraftInside()).contains(7);

        assertThatThrownBy(() -> drone.resumeSortie(101).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LinkException.class).hasMessageContaining("battery");
        assertThat(vehicle.swapBattery()).isTrue();
        until("battery reported full", 5, () -> drone.link().telemetry().latest().battery().remainingPct() >= 99, diag);
        List<Integer> reachedAfterResume = new CopyOnWriteArrayList<>();
        drone.link().telemetry().onMissionItemReached(reachedAfterResume::add);
        drone.resumeSortie(90).get(15, TimeUnit.SECONDS);
        until("airborne again", 10, () -> drone.state() == DroneState.AIRBORNE, diag);
        until("sortie finished", 90, () -> drone.link().mission().progress().finished(), diag);
        until("back in the dock", 60, () -> drone.state() == DroneState.CHARGING || drone.state() == DroneState.DOCKED, diag);
        assertThat(reachedAfterResume.get(0)).isEqualTo(completed + 1);
        assertThat(vehicle.state().phase()).isEqualTo(FlightPhase.DOCKED);
        assertThat(drone.history()).containsSubsequence(DroneState.DOCKED, DroneState.PREFLIGHT, DroneState.AIRBORNE,
                DroneState.RETURNING, DroneState.LANDED, DroneState.CHARGING, DroneState.PREFLIGHT, DroneState.AIRBORNE,
                DroneState.RETURNING, DroneState.LANDED);
        assertThat(events).anyMatch(e -> e.contains("battery critical"));
    }

    @Test
    void launchIsRefusedWithReasonsWhenTheDockIsNotReady() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withSystemId(8);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        fleet = new Fleet();
        Dock dock = fleet.addDock(new Dock("d", ProfileCatalog.builtIn().dock("sim-dock"), cfg.homeLatDeg(), cfg.homeLonDeg()));
        Drone drone = fleet.addDrone(LinkConfig.udp("127.0.0.1", sim.vehicles().get(0).udpPort(), 8), "d");
        until("telemetry in", 5, () -> drone.link().telemetry().latest().battery() != null);
        dock.reportWeather(new org.skyshare.station.patrol.Weather(15, 0, 20));
        assertThatThrownBy(() -> drone.launch(TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 1, 3, 20, 30, 40), List.of(), 50)
                .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("wind 15.0 m/s over the dock's 12.0 m/s limit");
        assertThat(drone.state()).isEqualTo(DroneState.DOCKED);
        assertThat(sim.vehicles().get(0).state().armed()).isFalse();
    }
}
