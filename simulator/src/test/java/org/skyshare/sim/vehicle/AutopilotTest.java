package org.skyshare.sim.vehicle;

import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutopilotTest {
    private static final VehicleConfig CFG = VehicleDefaults.simQuad();

    private static List<MissionItem> square(double sideM, float altM) {
        double dLat = sideM / 111_320.0;
        double dLon = sideM / (111_320.0 * Math.cos(Math.toRadians(CFG.homeLatDeg())));
        double lat = CFG.homeLatDeg();
        double lon = CFG.homeLonDeg();
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(0, 3, MavCmd.NAV_TAKEOFF, 0, 0, 0, 0, lat, lon, altM, true));
        double[][] corners = {{dLat, 0}, {dLat, dLon}, {0, dLon}};
        for (double[] c : corners) {
            items.add(new MissionItem(items.size(), 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, 0, lat + c[0], lon + c[1], altM, true));
        }
        items.add(new MissionItem(items.size(), 2, MavCmd.NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        return items;
    }

    private static void run(Autopilot ap, double seconds) {
        for (int i = 0; i < seconds / 0.05; i++) {
            ap.step(0.05);
        }
    }

    @Test
    void fliesAMissionAndReturnsToTheDock() {
        Autopilot ap = new Autopilot(CFG);
        assertThat(ap.acceptItems(0, square(300, 40))).isNull();
        assertThat(ap.arm()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(ap.startMission()).isEqualTo(CommandResult.ACCEPTED);
        run(ap, 30);
        assertThat(ap.phase()).isEqualTo(FlightPhase.MISSION);
        assertThat(ap.snapshot().relativeAltM()).isGreaterThan(10);
        double t = 0;
        while (ap.phase() != FlightPhase.DOCKED && t < 600) {
            run(ap, 1);
            t++;
        }
        VehicleState s = ap.snapshot();
        assertThat(s.phase()).isEqualTo(FlightPhase.DOCKED);
        assertThat(s.armed()).isFalse();
        assertThat(s.batteryPct()).isBetween(80.0, 99.0);
        assertThat(t).isBetween(150.0, 250.0);
        List<Integer> reached = ap.drainEvents().stream().filter(e -> e instanceof AutopilotEvent.ItemReached)
                .map(e -> ((AutopilotEvent.ItemReached) e).seq()).toList();
        assertThat(reached).containsExactly(0, 1, 2, 3, 4);
        assertThat(ap.distanceFlownM()).isBetween(1150.0, 1300.0);
    }

    @Test
    void aLandItemFliesToItsPointBeforeDescending() {
        Autopilot ap = new Autopilot(CFG);
        List<MissionItem> items = new ArrayList<>(square(400, 40).subList(0, 4));
        items.add(new MissionItem(4, 3, MavCmd.NAV_LAND, 0, 0, 0, 0, CFG.homeLatDeg(), CFG.homeLonDeg(), 0, true));
        ap.acceptItems(0, items);
        ap.arm();
        ap.startMission();
        double t = 0;
        while (ap.phase() != FlightPhase.DOCKED && t < 900) {
            run(ap, 1);
            t++;
        }
        assertThat(ap.phase()).isEqualTo(FlightPhase.DOCKED);
    }

    @Test
    void batteryCriticalTriggersReturn() {
        Autopilot ap = new Autopilot(CFG);
        ap.acceptItems(0, square(2000, 40));
        ap.arm();
        ap.startMission();
        run(ap, 60);
        ap.injectBatteryPct(6.5);
        run(ap, 0.1);
        assertThat(ap.phase()).isEqualTo(FlightPhase.RETURN);
    }

    @Test
    void dataLinkLossActionComesFromTheParameter() {
        Autopilot ap = new Autopilot(CFG);
        ap.acceptItems(0, square(2000, 40));
        ap.arm();
        ap.startMission();
        run(ap, 30);
        ap.params.set(ParamTable.NAV_DLL_ACT, 2);
        ap.dataLinkLost();
        assertThat(ap.phase()).isEqualTo(FlightPhase.RETURN);
    }

    @Test
    void gpsLossLandsWhereItIs() {
        Autopilot ap = new Autopilot(CFG);
        ap.acceptItems(0, square(2000, 40));
        ap.arm();
        ap.startMission();
        run(ap, 60);
        ap.loseGps();
        assertThat(ap.phase()).isEqualTo(FlightPhase.LAND);
        run(ap, 60);
        assertThat(ap.phase()).isEqualTo(FlightPhase.LANDED);
        assertThat(ap.snapshot().gpsFix()).isFalse();
    }

    @Test
    void rejectsUnknownCommandsAndBadFences() {
        Autopilot ap = new Autopilot(CFG);
        List<MissionItem> bad = List.of(new MissionItem(0, 3, 31337, 0, 0, 0, 0, 30.4, 119.8, 40, true));
        assertThat(ap.acceptItems(0, bad)).startsWith("UNSUPPORTED:");
        List<MissionItem> fence = List.of(new MissionItem(0, 0, MavCmd.NAV_FENCE_POLYGON_VERTEX_EXCLUSION, 4, 0, 0, 0, 30.4, 119.8, 0, true));
        assertThat(ap.acceptItems(1, fence)).startsWith("INVALID:");
    }
}
