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
import java.util.Map;
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
    void replacesItsOwnEarlierFilesRemovesItsStaleOnesAndKeepsTheUsers() throws Exception {
        Path out = dir.resolve("p");
        PlanExporter.write(plan, out);
        // an earlier run with one more sortie, and a note the user put beside the plan
        Files.writeString(out.resolve("qgc/stale-sortie.plan"), "{}");
        Files.writeString(out.resolve(OwnedOutputFolder.MANIFEST),
                Files.readString(out.resolve(OwnedOutputFolder.MANIFEST)) + "qgc/stale-sortie.plan\n");
        byte[] note = {1, 2, 3, (byte) 0xff};
        Files.write(out.resolve("notes.bin"), note);
        Files.writeString(out.resolve("plan.json"), "old");

        List<String> files = PlanExporter.write(plan, out);

        assertThat(out.resolve("qgc/stale-sortie.plan")).doesNotExist();
        assertThat(Files.readString(out.resolve("plan.json"))).isNotEqualTo("old");
        assertThat(Files.readAllBytes(out.resolve("notes.bin"))).isEqualTo(note);
        assertThat(Files.readAllLines(out.resolve(OwnedOutputFolder.MANIFEST)).stream().filter(l -> !l.startsWith("#")))
                .containsExactlyElementsOf(files);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("p");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".skyshare-tmp-"));
        }
    }

    @Test
    void outIntoAFolderOfUserFilesIsRefusedAndEveryFileSurvivesByteForByte() throws Exception {
        // what `plan --out .` met in a working folder
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("plan.json"), "my own plan.json");
        Files.createDirectories(work.resolve("qgc"));
        Files.writeString(work.resolve("qgc/mine.plan"), "{\"mine\":1}");
        Files.write(work.resolve("thesis.pdf"), new byte[] {37, 80, 68, 70, 0, -1});
        Map<Path, byte[]> before = contents(work);

        assertThatThrownBy(() -> PlanExporter.write(plan, work)).isInstanceOf(ExportException.class)
                .hasMessageContaining("already holds files that skyshare did not write")
                .hasMessageContaining("plan.json, qgc, thesis.pdf").hasMessageContaining("Nothing was written or deleted");
        assertThat(contents(work)).containsExactlyInAnyOrderEntriesOf(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("work");
        }
    }

    @Test
    void aNewOutputFolderGetsTheUsersUsualPermissionsNotOwnerOnly() throws Exception {
        Path usual = Files.createDirectory(dir.resolve("usual"));
        Path out = dir.resolve("p");
        PlanExporter.write(plan, out);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(usual));
        assertThat(Files.getPosixFilePermissions(out.resolve("qgc"))).isEqualTo(Files.getPosixFilePermissions(usual));
    }

    @Test
    void anEmptyExistingFolderSuchAsTheWorkingFolderIsFilledInPlace() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Object inode = Files.readAttributes(empty, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        List<String> files = PlanExporter.write(plan, empty.resolve("."));
        assertThat(files).contains("plan.json");
        assertThat(empty.resolve("plan.json")).isRegularFile();
        // the same folder, not one renamed over it: a shell standing in it still sees the files
        assertThat(Files.readAttributes(empty, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void aFileOfTheUsersWhereThePlanWouldGoIsNotReplaced() throws Exception {
        Path out = dir.resolve("p");
        List<String> written = PlanExporter.write(plan, out);
        String sortie = plan.sorties().get(0).id();
        Path mine = out.resolve("missions/" + sortie + ".json");
        // the user's file in place of one of ours, and the manifest no longer listing it
        Files.writeString(mine, "user data");
        Files.writeString(out.resolve(OwnedOutputFolder.MANIFEST), String.join("\n",
                written.stream().filter(f -> !f.equals("missions/" + sortie + ".json")).toList()));
        assertThatThrownBy(() -> PlanExporter.write(plan, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("missions/" + sortie + ".json exists and was not written by skyshare");
        assertThat(Files.readString(mine)).isEqualTo("user data");
    }

    @Test
    void aManifestNamingFilesOutsideTheFolderDeletesNothingThere() throws Exception {
        Path out = dir.resolve("p");
        PlanExporter.write(plan, out);
        Path victim = Files.writeString(dir.resolve("victim.json"), "keep");
        Files.writeString(out.resolve("missions/other.json"), "keep too");
        Path manifest = out.resolve(OwnedOutputFolder.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest) + "../victim.json\nmissions/../../victim.json\n"
                + "/etc/hostname\nmissions/other.json/..\n");
        PlanExporter.write(plan, out);
        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(Files.readString(out.resolve("missions/other.json"))).isEqualTo("keep too");
    }

    @Test
    void aLinkInsideTheFolderCannotCarryThePlanOutOfIt() throws Exception {
        Path out = dir.resolve("p");
        PlanExporter.write(plan, out);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        String sortie = plan.sorties().get(0).id();
        Files.writeString(elsewhere.resolve(sortie + ".plan"), "not yours");
        try (Stream<Path> s = Files.list(out.resolve("qgc"))) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(out.resolve("qgc"));
        Files.createSymbolicLink(out.resolve("qgc"), elsewhere);
        assertThatThrownBy(() -> PlanExporter.write(plan, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("qgc is a link or a file, not a folder");
        assertThat(Files.readString(elsewhere.resolve(sortie + ".plan"))).isEqualTo("not yours");
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s).hasSize(1);
        }
    }

    @Test
    void aSortieIdThatIsNotAFileNameIsRefusedBeforeAnythingIsWritten() throws Exception {
        Sortie first = plan.sorties().get(0);
        Sortie evil = new Sortie("../../x", first.dockId(), first.aircraftId(), first.waypoints(), first.lengthM(),
                first.flightTimeS(), first.maxRangeM(), first.photoCount(), first.inspectionPoints(), first.agencies(), first.assetIds());
        Plan p = plan;
        // a plan made without the asset readers' id check (they refuse such a dock id, see AssetReaderTest)
        Plan bad = new Plan(p.projection(), p.aircraft(), p.camera(), p.altitudeM(), p.lineSpacingM(), p.swathWidthM(), p.photoSpacingM(),
                p.grid(), List.of(evil), p.unplanned(), p.stats(), p.repairs(), p.coverage(), p.noFlyZones(), p.noFlyLocal(), p.docks(),
                p.noFlyMarginM(), p.terrainSource());
        Path out = dir.resolve("a/b/p");
        assertThatThrownBy(() -> PlanExporter.write(bad, out)).isInstanceOf(ExportException.class)
                .hasMessageContaining("sortie id '../../x'");
        // neither the climbing file nor the folders made for the output are left behind
        assertThat(dir.resolve("a")).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    private static Map<Path, byte[]> contents(Path root) throws Exception {
        Map<Path, byte[]> m = new java.util.HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return m;
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
