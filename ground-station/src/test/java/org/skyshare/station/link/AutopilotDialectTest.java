package org.skyshare.station.link;

import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.sitl.JingshanDock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-firmware rules on their own; the firmware tests prove them against the real thing. */
class AutopilotDialectTest {
    private record Sent(int command, float[] params) {
    }

    private static CommandSender recorder(List<Sent> sent) {
        return (cmd, name, p) -> {
            sent.add(new Sent(cmd, java.util.Arrays.copyOf(p, 7)));
            return CompletableFuture.completedFuture(null);
        };
    }

    @Test
    void theDialectFollowsTheHeartbeatsAutopilot() {
        assertThat(AutopilotDialect.forAutopilot(Autopilot.fromHeartbeat(3))).isInstanceOf(ArduPilotDialect.class);
        assertThat(AutopilotDialect.forAutopilot(Autopilot.fromHeartbeat(12)).autopilot()).isEqualTo(Autopilot.PX4);
        assertThat(AutopilotDialect.forAutopilot(Autopilot.fromHeartbeat(0)).autopilot()).isEqualTo(Autopilot.UNKNOWN);
    }

    @Test
    void arduPilotGetsHomeAtSeqZeroAndItsOwnCameraCommands() {
        List<MissionItem> station = new ArrayList<>(JingshanDock.shortSortie(60, 15));
        station.add(2, new MissionItem(2, 2, MavCmd.IMAGE_START_CAPTURE, 0, 0, 1, 0, 0, 0, 0, true));
        List<MissionItem> onVehicle = new ArduPilotDialect().toVehicleMission(station, new Home(30.1, 119.2, 20));
        assertThat(onVehicle).hasSize(station.size() + 1);
        assertThat(onVehicle.get(0).command()).isEqualTo(MavCmd.NAV_WAYPOINT);
        assertThat(onVehicle.get(0).latDeg()).isEqualTo(30.1);
        assertThat(onVehicle.get(1).command()).isEqualTo(MavCmd.NAV_TAKEOFF);
        assertThat(onVehicle.get(3).command()).isEqualTo(ArduPilotDialect.DO_DIGICAM_CONTROL);
        for (int i = 0; i < onVehicle.size(); i++) {
            assertThat(onVehicle.get(i).seq()).isEqualTo(i);
        }
        // what comes back means the same, photo command included
        List<MissionItem> back = new ArrayList<>(onVehicle.subList(1, onVehicle.size()));
        assertThat(MissionComparison.firstDifference(station, back.stream().map(it -> it.withSeq(it.seq() - 1)).toList())).isEmpty();
        assertThat(new Px4Dialect(Autopilot.PX4).toVehicleMission(station, null)).isEqualTo(station);
    }

    @Test
    void arduPilotCommandsUseModesAndNeverNaNCoordinates() {
        List<Sent> sent = new ArrayList<>();
        ArduPilotDialect d = new ArduPilotDialect();
        ActionPlugin a = d.actions(recorder(sent), () -> null);
        a.takeoff(12).join();
        a.land().join();
        a.returnToLaunch().join();
        assertThat(sent).extracting(Sent::command).containsExactly(MavCommands.DO_SET_MODE, MavCommands.NAV_TAKEOFF,
                MavCommands.DO_SET_MODE, MavCommands.DO_SET_MODE);
        assertThat(sent.get(0).params()[1]).isEqualTo(ArduPilotDialect.MODE_GUIDED);
        assertThat(sent.get(1).params()[6]).isEqualTo(12f);
        assertThat(sent.get(2).params()[1]).isEqualTo(ArduPilotDialect.MODE_LAND);
        assertThat(sent.get(3).params()[1]).isEqualTo(ArduPilotDialect.MODE_RTL);
        for (Sent s : sent) {
            for (float p : s.params()) {
                assertThat(p).as("no NaN for this firmware").isNotNaN();
            }
        }
    }

    @Test
    void anArduPilotPauseInsideAutoIsShownAsHoldUntilResumedOrTheModeChanges() {
        List<Sent> sent = new ArrayList<>();
        ArduPilotDialect d = new ArduPilotDialect();
        ActionPlugin a = d.actions(recorder(sent), () -> null);
        assertThat(d.shownMode(FlightMode.MISSION)).isEqualTo(FlightMode.MISSION);
        a.hold().join();
        assertThat(sent.get(0).command()).isEqualTo(MavCommands.DO_PAUSE_CONTINUE);
        assertThat(d.shownMode(FlightMode.MISSION)).isEqualTo(FlightMode.HOLD);
        a.resume().join();
        assertThat(sent.get(1).params()[0]).isEqualTo(1f);
        assertThat(d.shownMode(FlightMode.MISSION)).isEqualTo(FlightMode.MISSION);
        a.hold().join();
        assertThat(d.shownMode(FlightMode.RETURN)).isEqualTo(FlightMode.RETURN);
        assertThat(d.shownMode(FlightMode.MISSION)).as("a mode change ended the pause").isEqualTo(FlightMode.MISSION);
    }

    @Test
    void px4TakeOffAltitudeIsAboveSeaLevel() {
        List<Sent> sent = new ArrayList<>();
        new Px4Dialect(Autopilot.PX4).actions(recorder(sent), () -> new Home(47.4, 8.5, 488)).takeoff(10).join();
        assertThat(sent.get(0).params()[6]).isEqualTo(498f);
        assertThat(sent.get(0).params()[4]).isNaN();
    }

    @Test
    void onlyArduPilotNeedsItsFenceSwitchedOn() {
        assertThat(new ArduPilotDialect().fenceParameters(true)).containsEntry("FENCE_ENABLE", 1f).containsEntry("FENCE_TYPE", 4f);
        assertThat(new ArduPilotDialect().fenceParameters(false)).containsExactly(org.assertj.core.api.Assertions.entry("FENCE_ENABLE", 0f));
        assertThat(new Px4Dialect(Autopilot.PX4).fenceParameters(true)).isEmpty();
    }

    @Test
    void readBackIsComparedByMeaning() {
        List<MissionItem> sent = JingshanDock.shortSortie(60, 15);
        List<MissionItem> back = new ArrayList<>();
        for (MissionItem it : sent) {
            // frame 3 stored as its _INT twin 6, NaN yaw as 0, altitude rounded to the centimetre
            back.add(new MissionItem(it.seq(), it.frame() == 3 ? 6 : it.frame(), it.command(), it.param1(), it.param2(), it.param3(),
                    0, it.latDeg(), it.lonDeg(), Math.round(it.altM() * 100) / 100f, it.autocontinue()));
        }
        assertThat(MissionComparison.firstDifference(sent, back)).isEmpty();
        MissionItem moved = back.get(2);
        back.set(2, new MissionItem(2, 6, moved.command(), 0, 0, 0, 0, moved.latDeg() + 1e-5, moved.lonDeg(), moved.altM(), true));
        assertThat(MissionComparison.firstDifference(sent, back)).hasValueSatisfying(d -> assertThat(d).startsWith("item 2 (NAV_WAYPOINT) came back at"));
        assertThat(MissionComparison.firstDifference(sent, back.subList(0, 3))).hasValue("the vehicle holds 3 items, 4 were sent");
    }
}
