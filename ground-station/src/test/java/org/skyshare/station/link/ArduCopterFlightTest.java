package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.sitl.ArduCopterSitl;
import org.skyshare.station.sitl.JingshanDock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.link.Await.until;

/**
 * The station's link flies ArduPilot's own ArduCopter firmware (SITL) with its stock parameters:
 * telemetry requested, a short mission uploaded and read back, a geofence uploaded and enabled,
 * take-off from the dock, every item reached in AUTO, a pause and a resume, the return to the dock
 * and the disarm.
 */
class ArduCopterFlightTest {
    private static final double DOCK_LAT = JingshanDock.LAT;
    private static final double M_PER_DEG_LAT = JingshanDock.M_PER_DEG_LAT;

    private ArduCopterSitl sitl;
    private MavlinkVehicleLink link;

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        if (sitl != null) {
            sitl.close();
        }
    }

    @Test
    void fliesAShortSortieWithPauseAndReturnOnStockArduCopter() throws Exception {
        long startNs = System.nanoTime();
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 5);
        link = MavlinkVehicleLink.connect(LinkConfig.of(sitl.uri(), 0));
        until("heartbeat from ArduCopter", 30, () -> link.health().status() == LinkStatus.CONNECTED, sitl::consoleTail);
        assertThat(link.autopilot()).isEqualTo(Autopilot.ARDUPILOT);

        // stock parameters: nothing streams until the station asks for it
        until("position, battery and GPS fix", 60, () -> {
            TelemetrySnapshot t = link.telemetry().latest();
            return t.position() != null && t.battery() != null && t.gps() != null && t.gps().hasFix() && t.home() != null;
        }, () -> "counts " + link.telemetry().messageCounts());
        assertThat(link.telemetry().latest().landedState()).isEqualTo(LandedState.ON_GROUND);

        link.geofence().upload(JingshanDock.noFlyWest()).get(20, TimeUnit.SECONDS);
        assertThat(link.params().get("FENCE_ENABLE").get(10, TimeUnit.SECONDS)).as("fence enabled").isEqualTo(1f);

        List<MissionItem> sortie = JingshanDock.shortSortie(60, 15);
        // an item the firmware refuses: one sentence naming it (station numbering) and the firmware's answer
        List<MissionItem> broken = new java.util.ArrayList<>(sortie);
        MissionItem wp = sortie.get(1);
        broken.set(1, new MissionItem(1, 99, wp.command(), 0, 0, 0, 0, wp.latDeg(), wp.lonDeg(), wp.altM(), true));
        assertThatThrownBy(() -> link.mission().upload(broken).get(20, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(LinkException.class)
                .rootCause().hasMessageContaining("item 1 of 4 (NAV_WAYPOINT)").hasMessageContaining("the firmware answered MAV_MISSION_");
        link.mission().upload(sortie).get(20, TimeUnit.SECONDS);
        List<MissionItem> back = link.mission().download().get(20, TimeUnit.SECONDS);
        // the firmware's home slot is hidden; what comes back means what was sent
        assertThat(back).extracting(MissionItem::command).containsExactlyElementsOf(sortie.stream().map(MissionItem::command).toList());
        assertThat(MissionComparison.firstDifference(sortie, back)).isEmpty();

        List<Integer> reached = new CopyOnWriteArrayList<>();
        link.telemetry().onMissionItemReached(reached::add);
        List<String> texts = new CopyOnWriteArrayList<>();
        link.telemetry().onStatusText(t -> texts.add(t.text()));

        armWhenReady(90);
        link.action().startMission().get(10, TimeUnit.SECONDS);
        until("airborne", 30, () -> link.telemetry().latest().inAir(), () -> "texts " + texts);

        // pause on the leg to the second waypoint: the firmware stays in AUTO, the station must still see it stop
        until("flying to item 2", 60, () -> link.telemetry().latest().mission().current() == 2,
                () -> "progress " + link.mission().progress() + " texts " + texts);
        until("some way along the leg", 30, () -> northOfDockM() > 10);
        link.action().hold().get(10, TimeUnit.SECONDS);
        until("shown as holding", 5, () -> link.telemetry().latest().flightMode() == FlightMode.HOLD);
        until("stopped", 20, () -> groundSpeed() < 0.3);
        double pausedAt = northOfDockM();
        assertThat(reached).doesNotContain(2);
        until("still holding a few firmware seconds later", 10, () -> link.telemetry().latest().receivedAtMs() > 0
                && Math.abs(northOfDockM() - pausedAt) < 1.0 && groundSpeed() < 0.3 && stillFor(2000));
        assertThat(reached).doesNotContain(2);
        link.action().resume().get(10, TimeUnit.SECONDS);
        until("flying the mission again", 5, () -> link.telemetry().latest().flightMode() == FlightMode.MISSION);

        until("landed in the dock and disarmed", 150, () -> {
            TelemetrySnapshot t = link.telemetry().latest();
            return !t.armed() && t.landedState() == LandedState.ON_GROUND && reached.contains(3);
        }, () -> "reached " + reached + " progress " + link.mission().progress() + " texts " + texts);
        assertThat(reached).as("every flown item reported reached, in order").containsExactly(0, 1, 2, 3);
        Position p = link.telemetry().latest().position();
        assertThat(JingshanDock.distanceM(p)).isLessThan(3.0);
        assertThat(link.health().framesLost()).as("frames lost on loopback").isZero();
        System.out.printf("ArduCopter SITL sortie: %.1f s wall time%n", (System.nanoTime() - startNs) / 1e9);
    }

    private long stillSinceMs;
    private double stillLat = Double.NaN;

    /** True once the position has stayed within 0.5 m for {@code ms} of wall time. */
    private boolean stillFor(long ms) {
        Position p = link.telemetry().latest().position();
        long now = System.currentTimeMillis();
        if (Double.isNaN(stillLat) || Math.abs(p.latDeg() - stillLat) * M_PER_DEG_LAT > 0.5) {
            stillLat = p.latDeg();
            stillSinceMs = now;
        }
        return now - stillSinceMs >= ms;
    }

    private void armWhenReady(double seconds) throws InterruptedException {
        String[] last = {""};
        until("armed (the firmware refuses until its checks pass)", seconds, () -> {
            try {
                link.action().arm().get(15, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                last[0] = String.valueOf(e.getMessage());
                return false;
            }
        }, () -> last[0] + " / " + link.telemetry().latest().lastStatusText());
    }

    private double northOfDockM() {
        return (link.telemetry().latest().position().latDeg() - DOCK_LAT) * M_PER_DEG_LAT;
    }

    private double groundSpeed() {
        VelocityNed v = link.telemetry().latest().velocity();
        return Math.hypot(v.northMps(), v.eastMps());
    }
}
