package org.skyshare.planner.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyshare.planner.cli.PlanCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An awkward area planned through the CLI with {@code --check}, then checked from the written files
 * only (JTS on missions/*.json, qgc/*.plan, plan.geojson; see {@link WrittenPlanCheck}): a C-shaped
 * forest with two holes, a bow-tie, scattered small patches, a river under it all and a no-fly zone
 * (with a flyable hole) across the C and the river.
 */
class AwkwardAreaTest {
    static final double MARGIN_M = 20;
    static final double RIVER_WIDTH_M = 30;
    static final WrittenPlanCheck W = new WrittenPlanCheck(119.85, 30.4);
    static final List<Geometry> FORESTS = new ArrayList<>();
    static Geometry noFly;
    static LineString river;
    static Path plan;
    static String summary;

    @TempDir
    static Path dir;

    @BeforeAll
    static void planIt() throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode fc = om.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode fs = fc.putArray("features");
        // C opening east, two holes in its back and upper arm
        double[][] c = {{-1200, -600}, {-200, -600}, {-200, -300}, {-900, -300}, {-900, 300}, {-200, 300}, {-200, 600}, {-1200, 600}, {-1200, -600}};
        double[][] hole1 = {{-1150, -150}, {-1050, -150}, {-1050, -50}, {-1150, -50}, {-1150, -150}};
        double[][] hole2 = {{-500, 380}, {-420, 380}, {-420, 480}, {-500, 480}, {-500, 380}};
        polygon(fs, "forest-c", "forest", c, hole1, hole2);
        FORESTS.add(poly(c, hole1, hole2));
        // bow-tie: the reader repairs it into two triangles
        double[][] bow = {{100, 200}, {600, 600}, {600, 200}, {100, 600}, {100, 200}};
        polygon(fs, "forest-bowtie", "forest", bow);
        FORESTS.add(GeometryFixer.fix(poly(bow)));
        // scattered patches, 40 to 120 m across
        double[][] at = {{800, -600}, {1000, -450}, {1150, -250}, {900, -150}, {1200, -600}, {700, -300}};
        for (int i = 0; i < at.length; i++) {
            double s = 40 + 16 * i;
            double x = at[i][0];
            double y = at[i][1];
            double[][] sq = {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
            polygon(fs, "patch-" + i, "forest", sq);
            FORESTS.add(poly(sq));
        }
        // no-fly band across the C's arms and the river, with a flyable island in it
        double[][] band = {{-750, -900}, {-560, -900}, {-560, 800}, {-750, 800}, {-750, -900}};
        double[][] island = {{-700, -100}, {-610, -100}, {-610, 100}, {-700, 100}, {-700, -100}};
        polygon(fs, "nofly-band", "no_fly", band, island);
        noFly = poly(band, island);
        double[][] rv = {{-1400, -760}, {0, -720}, {1400, -800}};
        ObjectNode rf = feature(fs, "river-s", "river", "LineString");
        rf.withObject("/properties").put("normal_width_m", RIVER_WIDTH_M);
        rf.withObject("/geometry").set("coordinates", coords(rv));
        river = WrittenPlanCheck.GF.createLineString(new Coordinate[] {new Coordinate(-1400, -760), new Coordinate(0, -720), new Coordinate(1400, -800)});
        ObjectNode dock = feature(fs, "dock-a", "dock", "Point");
        dock.withObject("/properties").put("profile", "sim-dock").put("elevation_m", 312.5);
        double[] d = W.toLonLat(0, 0);
        dock.withObject("/geometry").putArray("coordinates").add(d[0]).add(d[1]);
        Path assets = dir.resolve("awkward.geojson");
        om.writeValue(assets.toFile(), fc);

        plan = dir.resolve("plan");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PlanCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("skyshare plan: " + e.getMessage());
            return 1;
        });
        int code = cli.execute("--assets", assets.toString(), "--out", plan.toString(), "--check", "--no-progress", "--cell-size", "500");
        summary = out.toString();
        assertThat(code).as(err + "\n" + out).isZero();
    }

    @Test
    void everyForestOutsideTheZoneIsSeenByTheWrittenCameraLegs() throws Exception {
        double swath = WrittenPlanCheck.json(plan.resolve("plan.json")).get("swath_width_m").asDouble();
        List<LineString> camera = new ArrayList<>();
        W.missions(plan).forEach(m -> camera.addAll(m.cameraLegs()));
        Geometry seen = WrittenPlanCheck.swaths(camera, swath);
        Geometry target = UnaryUnionOp.union(FORESTS).difference(noFly);
        double ratio = target.intersection(seen).getArea() / target.getArea();
        assertThat(ratio).as("share of the forests (union, less the zone) inside the camera swaths").isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theRiverCorridorIsSeenWithTheCameraOnOutsideTheMargin() throws Exception {
        double swath = WrittenPlanCheck.json(plan.resolve("plan.json")).get("swath_width_m").asDouble();
        List<LineString> camera = new ArrayList<>();
        W.missions(plan).forEach(m -> camera.addAll(m.cameraLegs()));
        // the corridor as the docs define it: normal width plus 20 m a bank, flat at the river's ends
        Geometry corridor = WrittenPlanCheck.swaths(List.of(river), RIVER_WIDTH_M + 2 * 20).difference(noFly.buffer(MARGIN_M + 2));
        double ratio = corridor.intersection(WrittenPlanCheck.swaths(camera, swath)).getArea() / corridor.getArea();
        assertThat(ratio).as("river corridor inside the swaths of camera-on legs").isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void everyCapturingPassTriggersTheCameraAfterPointingTheGimbal() throws Exception {
        var missions = W.missions(plan);
        assertThat(missions).isNotEmpty();
        for (var m : missions) {
            assertThat(m.triggersOn()).as(m.file()).isEqualTo(m.triggersOff());
            assertThat(m.triggersWithoutGimbal()).as(m.file() + ": trigger on without a gimbal command since the last pass").isZero();
            // nothing is flown over the river or the forests without the camera, except transit: every leg of 50 m
            // or more lying along the river (within 20 m of its centre line over its whole length) is a camera leg
            for (LineString leg : m.legs()) {
                if (leg.getLength() >= 50 && river.buffer(20).contains(leg)) {
                    assertThat(m.cameraLegs()).as(m.file() + ": leg along the river without the camera: " + leg).contains(leg);
                }
            }
        }
    }

    @Test
    void everyLegKeepsTheMarginAlongItsWholeLength() throws Exception {
        double closest = Double.POSITIVE_INFINITY;
        for (var m : W.missions(plan)) {
            for (LineString leg : m.legs()) {
                closest = Math.min(closest, noFly.distance(leg));
            }
        }
        // the zone's corners are rounded with 16 chords a quadrant, and UTM's scale here is 1.0005: within 0.1 m
        assertThat(closest).as("closest approach of any leg to the no-fly zone").isGreaterThanOrEqualTo(MARGIN_M - 0.1);
    }

    @Test
    void qgcFilesCarryTheZoneWithItsIslandAndTheHome() throws Exception {
        try (var files = Files.list(plan.resolve("qgc"))) {
            for (Path f : files.toList()) {
                JsonNode q = WrittenPlanCheck.json(f);
                List<Geometry> pieces = new ArrayList<>();
                for (JsonNode p : q.at("/geoFence/polygons")) {
                    assertThat(p.get("inclusion").asBoolean()).as("only exclusion polygons").isFalse();
                    pieces.add(W.ring(p.get("polygon"), true));
                }
                Geometry fence = UnaryUnionOp.union(pieces);
                assertThat(fence.symDifference(noFly).getArea()).as("fence pieces equal the zone with its island").isLessThan(1.0);
                assertThat(q.at("/mission/plannedHomePosition/2").asDouble()).isEqualTo(312.5);
                assertThat(q.at("/mission/firmwareType").asInt()).isEqualTo(12);
                JsonNode first = q.at("/mission/items/0");
                assertThat(first.get("command").asInt()).isEqualTo(22);
                assertThat(first.get("params").get(3).isNull()).as("take-off yaw NaN (null in JSON), not 0").isTrue();
            }
        }
    }

    @Test
    void geoJsonPolygonsFollowTheRightHandRule() throws Exception {
        int polygons = 0;
        for (JsonNode f : WrittenPlanCheck.json(plan.resolve("plan.geojson")).get("features")) {
            JsonNode g = f.get("geometry");
            if (g.get("type").asText().equals("Polygon")) {
                JsonNode rings = g.get("coordinates");
                for (int i = 0; i < rings.size(); i++) {
                    Polygon p = W.ring(rings.get(i), false);
                    boolean ccw = Orientation.isCCW(p.getExteriorRing().getCoordinateSequence());
                    assertThat(ccw).as("ring %d of a %s", i, f.at("/properties/kind").asText()).isEqualTo(i == 0);
                }
                polygons++;
            }
        }
        assertThat(polygons).isPositive();
    }

    // ---- building the input file

    private static Polygon poly(double[][] shell, double[][]... holes) {
        var gf = WrittenPlanCheck.GF;
        var rings = new org.locationtech.jts.geom.LinearRing[holes.length];
        for (int i = 0; i < holes.length; i++) {
            rings[i] = gf.createLinearRing(cs(holes[i]));
        }
        return gf.createPolygon(gf.createLinearRing(cs(shell)), rings);
    }

    private static Coordinate[] cs(double[][] pts) {
        Coordinate[] out = new Coordinate[pts.length];
        for (int i = 0; i < pts.length; i++) {
            out[i] = new Coordinate(pts[i][0], pts[i][1]);
        }
        return out;
    }

    private static ObjectNode feature(ArrayNode fs, String id, String kind, String type) {
        ObjectNode f = fs.addObject();
        f.put("type", "Feature");
        f.putObject("properties").put("id", id).put("kind", kind);
        f.putObject("geometry").put("type", type);
        return f;
    }

    private static void polygon(ArrayNode fs, String id, String kind, double[][] shell, double[][]... holes) {
        ObjectNode f = feature(fs, id, kind, "Polygon");
        ArrayNode rings = f.withObject("/geometry").putArray("coordinates");
        rings.add(coords(shell));
        for (double[][] h : holes) {
            rings.add(coords(h));
        }
    }

    private static ArrayNode coords(double[][] pts) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        for (double[] p : pts) {
            double[] ll = W.toLonLat(p[0], p[1]);
            a.addArray().add(ll[0]).add(ll[1]);
        }
        return a;
    }
}
