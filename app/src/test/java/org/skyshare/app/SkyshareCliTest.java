package org.skyshare.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SkyshareCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Skyshare.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEveryCommandOfTheDesign() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "plan", "detect", "sim", "station", "console", "profiles",
                "agency", "evaluate", "bench");
    }

    @Test
    void everyCommandClassNamedInTheTreeExists() {
        // a missing class would silently fall back to "not built yet"; the release must have them all
        for (var group : java.util.List.of(Skyshare.COMMANDS, Skyshare.EVALUATIONS, Skyshare.BENCHMARKS)) {
            for (CommandEntry c : group) {
                assertThat(c.instantiate()).as(c.className()).isNotInstanceOf(CommandEntry.NotBuilt.class);
            }
        }
    }

    @Test
    void profilesListShowsTheBuiltInProfiles() {
        assertThat(run("profiles", "list")).isZero();
        assertThat(out.toString()).contains("dji-m30t-thermal", "sim-quad", "dji-dock-2");
    }

    @Test
    void profilesShowGivesDerivedFigures() {
        assertThat(run("profiles", "show", "dji-m30t-thermal")).isZero();
        assertThat(out.toString()).contains("GSD 13.2 cm/px", "footprint 84.4 x 67.5 m");
    }

    @Test
    void anUnknownProfileIsOneClearSentence() {
        assertThat(run("profiles", "show", "dji-m300")).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("skyshare profiles show: no profile 'dji-m300'; run 'skyshare profiles list' for the ids");
    }

    @Test
    void validateReportsFileLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("dock.yaml");
        Files.writeString(bad, """
                kind: dock
                id: my-dock
                name: My dock
                charge_time_min: -5
                operating_radius_m: 7000
                weather: {max_wind_mps: 12, max_rain_mm_per_h: 5, min_temp_c: -20, max_temp_c: 45}
                aircraft_capacity: 1
                aircraft: [dji-m30t]
                colour: red
                source: {title: sheet, url: https://example.org}
                """);
        assertThat(run("profiles", "validate", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":9: field 'colour': unknown field for a dock profile");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aUsageErrorExitsWithTwo() {
        assertThat(run("profiles", "show")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }
}
