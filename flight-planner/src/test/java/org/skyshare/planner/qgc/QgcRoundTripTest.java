package org.skyshare.planner.qgc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.export.MissionItems;
import org.skyshare.planner.export.PlanExporter;
import org.skyshare.planner.export.QgcStyle;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.Sortie;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QGroundControl files written by the planner read back item by item; a sample from QGC's own repository read. */
class QgcRoundTripTest {
    static Plan plan;

    @TempDir
    static Path dir;

    @BeforeAll
    static void planForestRiverAndZone() {
        double x = TestAreas.ORIGIN.x;
        double y = TestAreas.ORIGIN.y;
        Geometry forest = TestAreas.GF.toGeometry(new Envelope(x - 600, x + 400, y - 300, y + 400));
        Geometry zone = TestAreas.GF.toGeometry(new Envelope(x - 100, x + 50, y - 50, y + 100));
        var river = TestAreas.GF.createLineString(new Coordinate[] {new Coordinate(x - 1200, y - 700), new Coordinate(x + 1200, y - 650)});
        AssetSet set = AssetSet.of(List.of(
                TestAreas.asset("forest-q", AssetKind.FOREST, forest, Map.of()),
                TestAreas.asset("zone-q", AssetKind.NO_FLY, zone, Map.of()),
                TestAreas.asset("river-q", AssetKind.RIVER, river, Map.of("normal_width_m", "30")),
                TestAreas.dock("dock-q", x, y - 500, "sim-dock")));
        plan = Planner.plan(set, PlanParameters.defaults().withAircraft("holybro-x500-hadron"));
    }

    private static Path write(QgcStyle style) {
        Path out = dir.resolve(style.name());
        PlanExporter.write(plan, out, style);
        return out;
    }

    @Test
    void surveyFilesHavePatternItemsAndReadBackItemByItem() throws Exception {
        Path out = write(QgcStyle.SURVEY);
        int surveys = 0;
        int corridors = 0;
        for (Sortie s : plan.sorties()) {
            Path f = out.resolve("qgc/" + s.id() + ".plan");
            JsonNode root = new ObjectMapper().readTree(f.toFile());
            for (JsonNode it : root.at("/mission/items")) {
                if (!it.path("type").asText().equals("ComplexItem")) {
                    continue;
                }
                JsonNode t = it.get("TransectStyleComplexItem");
                assertThat(t.get("version").asInt()).isEqualTo(2);
                assertThat(t.at("/CameraCalc/CameraName").asText()).isEqualTo("Custom Camera");
                assertThat(t.at("/CameraCalc/DistanceToSurface").asDouble()).isEqualTo(plan.altitudeM());
                assertThat(t.at("/CameraCalc/AdjustedFootprintSide").asDouble()).isEqualTo(plan.lineSpacingM());
                assertThat(t.at("/CameraCalc/SideOverlap").asDouble()).isBetween(15.0, 25.0);
                assertThat(t.get("Items").size()).isPositive();
                assertThat(t.get("VisualTransectPoints").size()).isGreaterThanOrEqualTo(2);
                assertThat(t.get("TurnAroundDistance").isNumber()).isTrue();
                if (it.get("complexItemType").asText().equals("survey")) {
                    assertThat(it.get("version").asInt()).isEqualTo(5);
                    assertThat(it.get("polygon").size()).isGreaterThanOrEqualTo(3);
                    assertThat(it.get("angle").asDouble()).isBetween(0.0, 180.0);
                    assertThat(it.has("entryLocation") && it.has("splitConcavePolygons") && it.has("flyAlternateTransects")).isTrue();
                    surveys++;
                } else {
                    assertThat(it.get("complexItemType").asText()).isEqualTo("CorridorScan");
                    assertThat(it.get("polyline").size()).isGreaterThanOrEqualTo(2);
                    assertThat(it.get("CorridorWidth").asDouble()).isGreaterThanOrEqualTo(plan.swathWidthM());
                    corridors++;
                }
            }
            QgcPlanFile back = QgcPlanReader.read(f);
            List<MissionItem> expected = MissionItems.of(s, plan.aircraft().autopilot());
            assertThat(back.missionItems()).as(s.id()).containsExactlyElementsOf(expected);
            assertThat(back.fencePolygons()).hasSize(1).allMatch(p -> !p.inclusion());
            assertThat(back.firmwareType()).isEqualTo(12);
        }
        assertThat(surveys).isPositive();
        assertThat(corridors).isPositive();
    }

    @Test
    void plainWaypointFilesReadBackTheSameItems() {
        Path out = write(QgcStyle.WAYPOINTS);
        for (Sortie s : plan.sorties()) {
            QgcPlanFile back = QgcPlanReader.read(out.resolve("qgc/" + s.id() + ".plan"));
            assertThat(back.missionItems()).containsExactlyElementsOf(MissionItems.of(s, plan.aircraft().autopilot()));
        }
    }

    @Test
    void aSamplePlanFromQgcsRepositoryReads() throws Exception {
        Path sample = Path.of(QgcRoundTripTest.class.getResource("/qgc/SectionTest.plan").toURI());
        QgcPlanFile p = QgcPlanReader.read(sample);
        assertThat(p.missionItems()).hasSize(5);
        MissionItem takeoff = p.missionItems().get(0);
        assertThat(takeoff.command()).isEqualTo(MavCmd.NAV_TAKEOFF);
        assertThat(takeoff.latDeg()).isEqualTo(47.63311996);
        assertThat(takeoff.lonDeg()).isEqualTo(-122.090763);
        assertThat(takeoff.altM()).isEqualTo(20f);
        assertThat(Float.isNaN(takeoff.param4())).isTrue();
        MissionItem mount = p.missionItems().get(3);
        assertThat(mount.command()).isEqualTo(MavCmd.DO_MOUNT_CONTROL);
        assertThat(mount.altM()).as("param7 = mount mode").isEqualTo(2f);
        assertThat(p.missionItems()).extracting(MissionItem::seq).containsExactly(0, 1, 2, 3, 4);
        assertThat(p.homeAltAmslM()).isEqualTo(20);
        assertThat(p.firmwareType()).isEqualTo(12);
        assertThat(p.fencePolygons()).isEmpty();
        assertThat(p.rallyPoints()).isEmpty();
    }

    @Test
    void fenceCirclesAndRallyPointsAreRead() throws Exception {
        Path f = dir.resolve("fence.plan");
        Files.writeString(f, """
                {"fileType": "Plan", "version": 1, "groundStation": "QGroundControl",
                 "mission": {"version": 2, "firmwareType": 3, "plannedHomePosition": [30.4, 119.85, 312], "items": []},
                 "geoFence": {"version": 2, "circles": [{"circle": {"center": [30.41, 119.86], "radius": 80}, "inclusion": false, "version": 1}],
                              "polygons": [{"inclusion": true, "polygon": [[30.39, 119.84], [30.39, 119.87], [30.42, 119.87]], "version": 1}]},
                 "rallyPoints": {"version": 2, "points": [[30.401, 119.851, 40]]}}
                """);
        QgcPlanFile p = QgcPlanReader.read(f);
        assertThat(p.fenceCircles()).containsExactly(new QgcPlanFile.FenceCircle(false, 30.41, 119.86, 80));
        assertThat(p.fencePolygons()).hasSize(1);
        assertThat(p.fencePolygons().get(0).inclusion()).isTrue();
        assertThat(p.fencePolygons().get(0).latLonDeg()).hasSize(3);
        assertThat(p.rallyPoints()).containsExactly(new QgcPlanFile.RallyPoint(30.401, 119.851, 40));
        assertThat(p.homeAltAmslM()).isEqualTo(312);
    }

    @Test
    void badFilesNameTheItemAndField() throws Exception {
        Path f = dir.resolve("bad.plan");
        Files.writeString(f, """
                {"fileType": "Plan", "mission": {"items": [
                  {"type": "SimpleItem", "command": 22, "frame": 3, "params": [0, 0, 0, null, 30.4, 119.85, 20]},
                  {"type": "SimpleItem", "command": 16, "frame": 3, "params": [0, 0, 30.4, 119.85, 20]}]}}
                """);
        assertThatThrownBy(() -> QgcPlanReader.read(f)).isInstanceOf(QgcFileException.class)
                .hasMessageContaining("bad.plan").hasMessageContaining("mission item 2").hasMessageContaining("'params'");
        Path g = dir.resolve("notplan.plan");
        Files.writeString(g, "{\"fileType\": \"GeoFence\"}");
        assertThatThrownBy(() -> QgcPlanReader.read(g)).hasMessageContaining("not a QGroundControl plan");
    }
}
