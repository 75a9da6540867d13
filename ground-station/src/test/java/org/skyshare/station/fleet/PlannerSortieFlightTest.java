package org.skyshare.station.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.export.MissionItems;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.profiles.Autopilot;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.FlightPhase;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.station.link.LinkConfig;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.skyshare.station.link.Await.until;

/** A sortie the planner made for the Jingshan sample, flown end to end from its dock and back. */
class PlannerSortieFlightTest {
    private static final Path JINGSHAN = Path.of("/work/shared/data/jingshan/jingshan.geojson");
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
    void fliesTheLongestChangleSortieAndLandsInItsDock() throws Exception {
        assumeTrue(Files.isRegularFile(JINGSHAN), "the Jingshan sample is not at " + JINGSHAN);
        org.skyshare.planner.assets.AssetSet assets = AssetReader.read(JINGSHAN);
        Plan plan = Planner.plan(assets, PlanParameters.defaults().withAircraft("sim-quad"));
        List<org.skyshare.station.link.FenceZone> noFly = NoFlyFence.of(assets);
        assertThat(noFly).hasSize(2);
        Sortie sortie = plan.sortiesOf("dock-changle-t18").stream().max(Comparator.comparingDouble(Sortie::lengthM)).orElseThrow();
        List<MissionItem> items = MissionItems.of(sortie, Autopilot.PX4);
        MissionItem first = items.get(0);
        assertThat(first.command()).isEqualTo(MavCmd.NAV_TAKEOFF);

        VehicleConfig cfg = VehicleDefaults.simQuad().withTimeFactor(80).withSystemId(11).withHome(first.latDeg(), first.lonDeg());
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        fleet = new Fleet();
        fleet.addDock(new Dock(sortie.dockId(), ProfileCatalog.builtIn().dock("sim-dock"), first.latDeg(), first.lonDeg()));
        Drone drone = fleet.addDrone(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 11), sortie.dockId());
        until("telemetry in", 5, () -> drone.link().telemetry().latest().battery() != null);

        drone.launch(items, noFly, 90).get(10, TimeUnit.SECONDS);
        assertThat(vehicle.fenceSize()).isEqualTo(noFly.stream().mapToInt(z -> z.vertices().size()).sum());
        until("airborne", 10, () -> drone.state() == DroneState.AIRBORNE);
        until("every item of the sortie reached", 60, () -> drone.link().mission().progress().finished(),
                () -> drone.snapshot().toString());
        until("landed in its dock", 30, () -> drone.state() == DroneState.CHARGING || drone.state() == DroneState.DOCKED,
                () -> drone.snapshot().toString());
        assertThat(vehicle.state().phase()).isEqualTo(FlightPhase.DOCKED);
        // the planner's route kept out of the no-fly zones, so the autopilot's fence never fired
        assertThat(drone.history()).doesNotContain(DroneState.FAULT);
        // the simulated flight is within 15 % of the planner's length estimate
        assertThat(vehicle.distanceFlownM()).isCloseTo(sortie.lengthM(), org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(vehicle.state().batteryPct()).isGreaterThan(cfg.aircraft().batteryReservePct() - 5);
    }
}
