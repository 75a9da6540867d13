package org.skyshare.planner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.planner.TestData;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs the command as the CLI main does: an exception becomes "skyshare plan: message", exit 1. */
    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PlanCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("skyshare plan: " + e.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonSummaryHasTheContractKeys() throws Exception {
        Path out = dir.resolve("plan");
        Run r = run("--assets", TestData.jingshan().toString(), "--out", out.toString(), "--json", "--no-progress", "--check");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"sorties", "waypoints", "inspection_points", "area_m2", "covered_area_m2", "total_length_m",
                "max_sortie_time_s", "unplanned"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("sorties").asInt()).isPositive();
        assertThat(j.get("covered_area_m2").asDouble()).isGreaterThanOrEqualTo(0.99 * j.get("area_m2").asDouble());
        assertThat(j.get("unplanned").get(0).get("reason").asText()).contains("no-fly");
        assertThat(out.resolve("plan.json")).exists();
    }

    @Test
    void badAssetsGiveOneClearSentenceAndNoOutputFolder() throws Exception {
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"x\",\"kind\":\"lake\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]}}]}");
        Path out = dir.resolve("never");
        Run r = run("--assets", bad.toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("skyshare plan: ").contains("bad.geojson").contains("feature x").contains("unknown kind 'lake'");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownAircraftNamesTheKnownOnes() {
        Run r = run("--assets", TestData.jingshan().toString(), "--out", dir.resolve("o").toString(), "--aircraft", "jumbo", "--no-progress");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown aircraft 'jumbo'").contains("sim-quad");
    }

    @Test
    void missingAssetsOptionIsAUsageError() {
        assertThat(run("--out", dir.toString()).code()).isEqualTo(2);
    }
}
