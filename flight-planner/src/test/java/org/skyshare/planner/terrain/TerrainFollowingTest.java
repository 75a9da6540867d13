package org.skyshare.planner.terrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.check.WrittenPlanCheck;
import org.skyshare.planner.cli.PlanCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A survey across a 150 m ridge and a river in a 60 m valley, planned with a DEM written in the
 * test; the written missions are then flown on paper every 10 m against the ground function itself
 * (not the DEM reader): height above ground within the band everywhere, never below the clearance.
 */
class TerrainFollowingTest {
    static final WrittenPlanCheck W = new WrittenPlanCheck(119.85, 30.4);
    static Path dem;
    static Path assets;
    @TempDir
    static Path dir;

    /** Ground above sea level at local metres: 300 m plain rising gently north, a ridge at x = -100, a valley along the river. */
    static double ground(double x, double y) {
        double ridge = 150 * Math.exp(-Math.pow((x + 100) / 150, 2));
        double riverY = -700 + 50 * (x + 1200) / 2400;
        double valley = 60 * Math.exp(-Math.pow((y - riverY) / 120, 2));
        return 300 + 0.02 * y + ridge - valley;
    }

    @BeforeAll
    static void writeInputs() throws Exception {
        dem = SyntheticDem.write(dir.resolve("dem.tif"), W, TerrainFollowingTest::ground, -1500, 1500, -1200, 900, 5);
        ObjectMapper om = new ObjectMapper();
        ObjectNode fc = om.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode fs = fc.putArray("features");
        ObjectNode forest = feature(fs, "forest-ridge", "forest", "Polygon");
        ArrayNode ring = forest.withObject("/geometry").putArray("coordinates").addArray();
        for (double[] p : new double[][] {{-600, -300}, {400, -300}, {400, 400}, {-600, 400}, {-600, -300}}) {
            ring.add(point(p[0], p[1]));
        }
        ObjectNode river = feature(fs, "river-valley", "river", "LineString");
        river.withObject("/properties").put("normal_width_m", 30);
        river.withObject("/geometry").putArray("coordinates").add(point(-1200, -700)).add(point(1200, -650));
        ObjectNode dock = feature(fs, "dock-t", "dock", "Point");
        dock.withObject("/properties").put("profile", "sim-dock");
        double[] d = W.toLonLat(0, -450);
        dock.withObject("/geometry").putArray("coordinates").add(d[0]).add(d[1]);
        assets = dir.resolve("ridge.geojson");
        om.writeValue(assets.toFile(), fc);
    }

    private static ArrayNode point(double x, double y) {
        double[] ll = W.toLonLat(x, y);
        return new ObjectMapper().createArrayNode().add(ll[0]).add(ll[1]);
    }

    private static ObjectNode feature(ArrayNode fs, String id, String kind, String type) {
        ObjectNode f = fs.addObject();
        f.put("type", "Feature");
        f.putObject("properties").put("id", id).put("kind", kind);
        f.putObject("geometry").put("type", type);
        return f;
    }

    record Run(int code, String out, String err) {
    }

    static Run plan(Path out, String... extra) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new PlanCommand());
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("skyshare plan: " + ex.getMessage());
            return 1;
        });
        String[] base = {"--assets", assets.toString(), "--out", out.toString(), "--no-progress", "--aircraft", "holybro-x500-hadron"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        int code = cli.execute(args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void everyLegStaysInTheHeightBandOverRidgeAndValley() throws Exception {
        Path out = dir.resolve("with-dem");
        Run r = plan(out, "--dem", dem.toString(), "--check");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("terrain: heights above the ground of").contains("dem.tif");
        double h = WrittenPlanCheck.json(out.resolve("plan.json")).at("/summary/altitude_m").asDouble();
        Coordinate dockXy = new Coordinate(0, -450);
        double home = ground(dockXy.x, dockXy.y);
        double band = 0.1 * h + 1.0; // the planner's 10 % plus 1 m for the DEM's 5 m pixels
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int samples = 0;
        try (var files = Files.list(out.resolve("missions"))) {
            for (Path f : files.toList()) {
                JsonNode items = WrittenPlanCheck.json(f);
                JsonNode prev = null;
                for (JsonNode it : items) {
                    if (it.get("frame").asInt() == 2) {
                        continue;
                    }
                    assertThat(it.get("frame").asInt()).as("relative-altitude frame").isEqualTo(3);
                    if (prev != null && it.get("command").asInt() != 21) {
                        Coordinate a = W.toLocal(prev.get("lonDeg").asDouble(), prev.get("latDeg").asDouble());
                        Coordinate b = W.toLocal(it.get("lonDeg").asDouble(), it.get("latDeg").asDouble());
                        double za = home + prev.get("altM").asDouble();
                        double zb = home + it.get("altM").asDouble();
                        int n = Math.max(1, (int) Math.ceil(a.distance(b) / 10));
                        for (int k = 0; k <= n; k++) {
                            double t = (double) k / n;
                            double x = a.x + t * (b.x - a.x);
                            double y = a.y + t * (b.y - a.y);
                            double hag = za + t * (zb - za) - ground(x, y);
                            assertThat(hag).as("%s: height above ground at (%.0f, %.0f)", f.getFileName(), x, y).isBetween(h - band, h + band);
                            lowest = Math.min(lowest, za + t * (zb - za));
                            highest = Math.max(highest, za + t * (zb - za));
                            samples++;
                        }
                    }
                    if (it.get("command").asInt() == 21) {
                        Coordinate a = W.toLocal(prev.get("lonDeg").asDouble(), prev.get("latDeg").asDouble());
                        Coordinate b = W.toLocal(it.get("lonDeg").asDouble(), it.get("latDeg").asDouble());
                        assertThat(a.distance(b)).as("the landing is straight down from above the pad").isLessThan(1);
                    }
                    prev = it;
                }
            }
        }
        assertThat(samples).isGreaterThan(1000);
        // the route really follows the ground: over the ridge it flies far higher than over the valley
        assertThat(highest - lowest).isGreaterThan(150);
    }

    @Test
    void withoutADemTheSummarySaysSoAndHeightsStayAboveTheDock() throws Exception {
        Path out = dir.resolve("flat");
        Run r = plan(out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("terrain: no DEM given");
        double h = WrittenPlanCheck.json(out.resolve("plan.json")).at("/summary/altitude_m").asDouble();
        try (var files = Files.list(out.resolve("missions"))) {
            for (Path f : files.toList()) {
                for (JsonNode it : WrittenPlanCheck.json(f)) {
                    if (it.get("command").asInt() == 16) {
                        assertThat(it.get("altM").asDouble()).isEqualTo(h, org.assertj.core.data.Offset.offset(0.01));
                    }
                }
            }
        }
    }

    @Test
    void aDemThatDoesNotCoverTheAreaIsRefusedByName() throws Exception {
        Path small = SyntheticDem.write(dir.resolve("small.tif"), W, TerrainFollowingTest::ground, -200, 200, -200, 200, 10);
        Run r = plan(dir.resolve("nope"), "--dem", small.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("small.tif");
        assertThat(dir.resolve("nope")).doesNotExist();
        assertThatThrownBy(() -> GeoTiffTerrain.open(dir.resolve("missing.tif"))).hasMessageContaining("missing.tif");
    }

    @Test
    void theReaderReturnsTheGroundItWasWritten() {
        GeoTiffTerrain t = GeoTiffTerrain.open(dem);
        for (double[] p : new double[][] {{-100, 0}, {0, -450}, {300, -680}, {-1000, 500}}) {
            double[] ll = W.toLonLat(p[0], p[1]);
            assertThat(t.groundAmslM(ll[0], ll[1])).as("ground at %s", java.util.Arrays.toString(p)).isCloseTo(ground(p[0], p[1]),
                    org.assertj.core.data.Offset.offset(0.5));
        }
        double[] out = W.toLonLat(5000, 5000);
        assertThat(t.groundAmslM(out[0], out[1])).isNaN();
    }
}
