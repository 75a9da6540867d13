package org.skyshare.planner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.planner.TestData;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.profiles.Autopilot;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanExporterTest {
    static Plan plan;

    @TempDir
    Path dir;

    @BeforeAll
    static void planSample() {
        plan = Planner.plan(AssetReader.read(TestData.jingshan()), PlanParameters.defaults());
    }

    @Test
    void writesEveryFileAndQgcPlansHaveTheFormatQgcLoads() throws Exception {
        Path out = dir.resolve("p");
        List<String> files = PlanExporter.write(plan, out);
        assertThat(files).contains("plan.json", "plan.kml", "plan.geojson");
        assertThat(files.stream().filter(f -> f.startsWith("qgc/"))).hasSize(plan.sorties().size());
        ObjectMapper om = new ObjectMapper();
        Sortie first = plan.sorties().get(0);
        JsonNode qgc = om.readTree(out.resolve("qgc/" + first.id() + ".plan").toFile());
        assertThat(qgc.get("fileType").asText()).isEqualTo("Plan");
        assertThat(qgc.get("version").asInt()).isEqualTo(1);
        JsonNode items = qgc.at("/mission/items");
        assertThat(items.get(0).get("command").asInt()).isEqualTo(MavCmd.NAV_TAKEOFF);
        assertThat(items.get(items.size() - 1).get("command").asInt()).isEqualTo(MavCmd.NAV_LAND);
        assertThat(items.get(0).get("params")).hasSize(7);
        assertThat(qgc.at("/mission/plannedHomePosition")).hasSize(3);
        JsonNode polygons = qgc.at("/geoFence/polygons");
        assertThat(polygons).hasSize(2);
        assertThat(polygons.get(0).get("inclusion").asBoolean()).isFalse();
        assertThat(polygons.get(0).get("polygon").get(0).get(0).asDouble()).isBetween(30.0, 31.0);

        List<MissionItem> back = MissionItems.read(out.resolve("missions/" + first.id() + ".json"));
        List<MissionItem> expected = MissionItems.of(first, Autopilot.DJI);
        assertThat(back).hasSize(expected.size());
        assertThat(back.get(1).command()).isEqualTo(expected.get(1).command());
        assertThat(back.get(1).latDeg()).isEqualTo(expected.get(1).latDeg());
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i).seq()).isEqualTo(i);
        }

        JsonNode gj = om.readTree(out.resolve("plan.geojson").toFile());
        assertThat(gj.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(gj.toString()).doesNotContain("\"crs\"");
        assertThat(gj.get("features").findValuesAsText("kind")).contains("cell", "sortie", "inspection");
        var kml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("plan.kml").toFile());
        assertThat(kml.getElementsByTagName("Placemark").getLength()).isGreaterThan(plan.sorties().size());
        JsonNode full = om.readTree(out.resolve("plan.json").toFile());
        assertThat(full.at("/summary/sorties").asInt()).isEqualTo(plan.sorties().size());
        assertThat(full.get("sorties").get(0).get("waypoints").get(1).get("agencies")).isNotEmpty();
    }

    @Test
    void replacesAnOldPlanWholeAndLeavesNoTemporaryFolder() throws Exception {
        Path out = dir.resolve("p");
        Files.createDirectories(out.resolve("qgc"));
        Files.writeString(out.resolve("qgc/stale-sortie.plan"), "{}");
        PlanExporter.write(plan, out);
        assertThat(out.resolve("qgc/stale-sortie.plan")).doesNotExist();
        assertThat(out.resolve("plan.json")).exists();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("p");
        }
    }

    @Test
    void refusesAFileAsOutputFolderAndWritesNothing() throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> PlanExporter.write(plan, file)).isInstanceOf(ExportException.class)
                .hasMessageContaining("taken").hasMessageContaining("not a folder");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).hasSize(1);
        }
    }

    @Test
    void missionItemsStartAtTheDockAndUseTheRightCommands() {
        for (Sortie s : plan.sorties()) {
            List<MissionItem> items = MissionItems.of(s, Autopilot.PX4);
            assertThat(items.get(0).command()).isEqualTo(MavCmd.NAV_TAKEOFF);
            assertThat(items.get(0).latDeg()).isEqualTo(s.waypoints().get(0).latDeg());
            assertThat(items.get(items.size() - 1).command()).isEqualTo(MavCmd.NAV_LAND);
        }
        long triggersOn = plan.sorties().stream().flatMap(s -> MissionItems.of(s, Autopilot.PX4).stream())
                .filter(m -> m.command() == MavCmd.DO_SET_CAM_TRIGG_DIST && m.param1() > 0).count();
        long triggersOff = plan.sorties().stream().flatMap(s -> MissionItems.of(s, Autopilot.PX4).stream())
                .filter(m -> m.command() == MavCmd.DO_SET_CAM_TRIGG_DIST && m.param1() == 0).count();
        assertThat(triggersOn).isPositive().isEqualTo(triggersOff);
        long captures = plan.sorties().stream().flatMap(s -> MissionItems.of(s, Autopilot.PX4).stream())
                .filter(m -> m.command() == MavCmd.IMAGE_START_CAPTURE).count();
        assertThat(captures).isEqualTo(36);
    }
}
