package org.skyshare.planner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.profiles.Autopilot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The QGroundControl file as a peer reads it: firmware, gimbal mount mode, take-off heading. */
class PeerFormatDefectsTest {
    @TempDir
    Path dir;

    private static Plan plan(String aircraft) {
        double x = TestAreas.ORIGIN.x;
        double y = TestAreas.ORIGIN.y;
        Geometry forest = TestAreas.GF.toGeometry(new Envelope(x - 200, x + 200, y - 200, y + 200));
        AssetSet set = AssetSet.of(List.of(TestAreas.asset("f", AssetKind.FOREST, forest, Map.of()),
                TestAreas.dock("d", x, y - 400, "sim-dock")));
        return Planner.plan(set, PlanParameters.defaults().withAircraft(aircraft));
    }

    private JsonNode qgc(Plan plan) throws Exception {
        Path out = dir.resolve(plan.aircraft().id());
        PlanExporter.write(plan, out);
        return new ObjectMapper().readTree(out.resolve("qgc/" + plan.sorties().get(0).id() + ".plan").toFile());
    }

    @Test
    void firmwareTypeFollowsTheAutopilot() throws Exception {
        assertThat(qgc(plan("dji-m3td")).at("/mission/firmwareType").asInt()).as("DJI: generic, not PX4").isZero();
        assertThat(qgc(plan("ardupilot-solo-vue")).at("/mission/firmwareType").asInt()).isEqualTo(3);
        assertThat(qgc(plan("holybro-x500-hadron")).at("/mission/firmwareType").asInt()).isEqualTo(12);
        assertThat(QgcPlanWriter.firmwareType(Autopilot.AUTEL)).isZero();
    }

    @Test
    void arduPilotGimbalItemsUseMavlinkTargeting() throws Exception {
        Plan p = plan("ardupilot-solo-vue");
        List<JsonNode> items = new java.util.ArrayList<>();
        for (JsonNode it : qgc(p).at("/mission/items")) {
            if (it.has("TransectStyleComplexItem")) {
                it.at("/TransectStyleComplexItem/Items").forEach(items::add);
            } else {
                items.add(it);
            }
        }
        int mounts = 0;
        for (JsonNode it : items) {
            if (it.get("command").asInt() == MavCmd.DO_MOUNT_CONTROL) {
                assertThat(it.get("params").get(0).asDouble()).isEqualTo(-90);
                assertThat(it.get("params").get(6).asInt()).as("param7 = MAV_MOUNT_MODE_MAVLINK_TARGETING").isEqualTo(2);
                mounts++;
            }
        }
        assertThat(mounts).isPositive();
    }

    @Test
    void takeOffKeepsTheHeadingAndHomeIsZeroWithoutAnElevation() throws Exception {
        JsonNode q = qgc(plan("holybro-x500-hadron"));
        JsonNode takeoff = q.at("/mission/items/0");
        assertThat(takeoff.get("command").asInt()).isEqualTo(MavCmd.NAV_TAKEOFF);
        assertThat(takeoff.get("params").get(3).isNull()).isTrue();
        assertThat(q.at("/mission/plannedHomePosition/2").asDouble()).isZero();
    }
}
