package org.skyshare.station.console.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.station.fleet.Dock;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.TestSorties;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.skyshare.station.link.Await.until;

/** The fleet tab's view of a real fleet: a simulated docked drone over MAVLink on UDP loopback. */
class FleetAdapterTest {
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
    void showsTheDroneAndFliesItThroughTheConsoleActions() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withTimeFactor(20).withSystemId(3);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        fleet = new Fleet();
        fleet.addDock(new Dock("dock-jingshan-sub", ProfileCatalog.builtIn().dock("sim-dock"), cfg.homeLatDeg(), cfg.homeLonDeg()));
        fleet.addDrone(LinkConfig.udp("127.0.0.1", sim.vehicles().get(0).udpPort(), 3), "dock-jingshan-sub");
        List<MissionItem> sortie = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 6, 10, 20, 30, 50);
        FleetAdapter view = new FleetAdapter(fleet, Map.of("drone-3", sortie)::get, 30);

        until("drone listed with telemetry", 10, () -> view.drones().size() == 1
                && !Double.isNaN(view.drones().get(0).batteryPct()) && view.drones().get(0).linkQualityPct() > 0);
        DroneStatus d = view.drones().get(0);
        assertEquals("drone-3", d.id());
        assertEquals("dock-jingshan-sub", d.dockId());
        assertEquals(cfg.homeLatDeg(), d.latDeg(), 1e-3);
        assertEquals(1, view.docks().size());

        // no sortie for an unknown drone: a sentence, not a crash
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> view.command("drone-9", FleetAction.START).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(unknown.getCause().getMessage().contains("9"), unknown.getCause().getMessage());

        view.command("drone-3", FleetAction.START).toCompletableFuture().get(20, TimeUnit.SECONDS);
        until("airborne with mission progress", 30, () -> view.drones().get(0).state().startsWith("airborne")
                && view.drones().get(0).missionProgressPct() > 0);
        view.command("drone-3", FleetAction.RETURN_TO_DOCK).toCompletableFuture().get(10, TimeUnit.SECONDS);
        until("returning", 20, () -> view.drones().get(0).state().startsWith("returning"));
    }
}
