package org.skyshare.station.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.station.link.FlightMode;
import org.skyshare.station.link.LandedState;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.MavlinkVehicleLink;
import org.skyshare.station.link.TelemetrySnapshot;
import org.skyshare.station.sitl.ArduCopterSitl;
import org.skyshare.station.sitl.JingshanDock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * A docked drone on ArduPilot's own ArduCopter firmware (SITL, stock parameters) through the
 * station's fleet state machine: the launch sets the firmware's own failsafes and fence, the drone
 * flies the sortie and comes back to its dock; and, with the link cut mid-sortie, the firmware's
 * GCS failsafe (as the station configured it) brings it home on its own.
 *
 * <p>Speed-up 3, not more: the firmware times its GCS failsafe in simulated seconds while the
 * station's heartbeat is once per wall-clock second, so at 3x a 10 s timeout is 3.3 s of wall time.
 */
class ArduCopterDockedSortieTest {
    private ArduCopterSitl sitl;
    private Fleet fleet;
    private MavlinkVehicleLink observer;

    @AfterEach
    void stop() {
        if (observer != null) {
            observer.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (sitl != null) {
            sitl.close();
        }
    }

    private Drone dockedDrone(List<String> events) throws Exception {
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 3);
        fleet = new Fleet();
        fleet.addDock(new Dock(JingshanDock.ID, ProfileCatalog.builtIn().dock("sim-dock"), JingshanDock.LAT, JingshanDock.LON));
        Drone drone = fleet.addDrone(LinkConfig.of(sitl.uri(), 1), JingshanDock.ID);
        fleet.onEvent(e -> events.add(e.kind() + " " + e.message()));
        until("link up and telemetry in", 60, () -> drone.link().health().status() == LinkStatus.CONNECTED
                && drone.link().telemetry().latest().battery() != null && drone.link().telemetry().latest().position() != null,
                sitl::consoleTail);
        return drone;
    }

    @Test
    void launchesFromTheDockFliesTheSortieAndComesBackDocked() throws Exception {
        long startNs = System.nanoTime();
        List<String> events = new CopyOnWriteArrayList<>();
        Drone drone = dockedDrone(events);
        Supplier<String> diag = () -> "\n" + drone.snapshot() + "\n" + drone.history() + "\n" + events;
        List<MissionItem> sortie = JingshanDock.shortSortie(40, 15);

        drone.launch(sortie, JingshanDock.noFlyWest(), 50).get(120, TimeUnit.SECONDS);
        // the firmware's own names and units, and the fence switched on
        assertThat(drone.link().params().get("FS_GCS_ENABLE").get(10, TimeUnit.SECONDS)).isEqualTo(1f);
        assertThat(drone.link().params().get("RTL_ALT").get(10, TimeUnit.SECONDS)).isEqualTo(6000f);
        assertThat(drone.link().params().get("FENCE_ENABLE").get(10, TimeUnit.SECONDS)).isEqualTo(1f);
        until("airborne", 30, () -> drone.state() == DroneState.AIRBORNE, diag);
        until("landed and docked", 150, () -> drone.state() == DroneState.DOCKED || drone.state() == DroneState.CHARGING, diag);

        assertThat(drone.history()).containsSubsequence(DroneState.PREFLIGHT, DroneState.AIRBORNE, DroneState.LANDED);
        assertThat(drone.snapshot().lastCompletedSeq()).as("every item done" + diag.get()).isEqualTo(sortie.size() - 1);
        assertThat(JingshanDock.distanceM(drone.link().telemetry().latest().position())).isLessThan(3.0);
        assertThat(events).noneMatch(e -> e.startsWith("ERROR"));
        System.out.printf("ArduCopter SITL docked sortie: %.1f s wall time%n", (System.nanoTime() - startNs) / 1e9);
    }

    @Test
    void linkCutMidSortieTheFirmwaresOwnFailsafeBringsItHome() throws Exception {
        long startNs = System.nanoTime();
        List<String> events = new CopyOnWriteArrayList<>();
        Drone drone = dockedDrone(events);
        Supplier<String> diag = () -> "\n" + drone.snapshot() + "\n" + drone.history() + "\n" + events;
        // a second ground link on the firmware's SERIAL1 with another system id: it watches, and its
        // heartbeats do not count for the failsafe, which listens only to the station (SYSID_MYGCS 255)
        observer = MavlinkVehicleLink.connect(new LinkConfig(java.net.URI.create("tcp://127.0.0.1:" + (sitl.port() + 2)), 1, 250,
                Duration.ofSeconds(3), Duration.ofMillis(1500), 5, null));
        until("observer connected", 20, () -> observer.health().status() == LinkStatus.CONNECTED);
        List<MissionItem> sortie = JingshanDock.shortSortie(80, 15);

        drone.launch(sortie, List.of(), 50).get(120, TimeUnit.SECONDS);
        until("first waypoint reached", 90, () -> drone.snapshot().lastCompletedSeq() >= 1, diag);
        drone.link().close(); // the radio dies: no more station heartbeats
        until("firmware returning on its own", 30, () -> observer.telemetry().latest().flightMode() == FlightMode.RETURN,
                () -> "observer " + observer.telemetry().latest() + " " + sitl.consoleTail());
        until("back on the dock and disarmed", 150, () -> {
            TelemetrySnapshot t = observer.telemetry().latest();
            return !t.armed() && t.landedState() == LandedState.ON_GROUND;
        }, () -> "observer " + observer.telemetry().latest());
        assertThat(JingshanDock.distanceM(observer.telemetry().latest().position())).isLessThan(3.0);
        assertThat(observer.telemetry().latest().mission().lastReached()).as("it did not finish the sortie: it came home")
                .isLessThan(sortie.size() - 1);
        System.out.printf("ArduCopter SITL link-loss return: %.1f s wall time%n", (System.nanoTime() - startNs) / 1e9);
    }
}
