package org.skyshare.station.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.cli.ConsoleCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console command refuses bad arguments with a sentence before it opens any window. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 1;
        });
        int rc = cl.execute(args);
        assertEquals(1, rc, "exit code for " + String.join(" ", args));
        return err.toString().trim();
    }

    @Test
    void missingAssetFileIsNamed() {
        Path missing = dir.resolve("nowhere.geojson");
        assertEquals(missing + ": asset file not found", run("--assets", missing.toString()));
    }

    @Test
    void oneBasemapAtATime() {
        Path sample = org.skyshare.station.console.HeadlessFx.jingshan();
        assertEquals("choose one basemap: --mbtiles or --tiles-url, not both",
                run("--assets", sample.toString(), "--mbtiles", "a.mbtiles", "--tiles-url", "http://t/{z}/{x}/{y}.png"));
        assertEquals("basemap URL 'http://t/tiles.png' must contain {z}, {x} and {y}",
                run("--assets", sample.toString(), "--tiles-url", "http://t/tiles.png"));
    }

    @Test
    void badStationConfigurationIsReportedWithItsFile() throws Exception {
        Path cfg = dir.resolve("station.yaml");
        java.nio.file.Files.writeString(cfg, "stationId: [not, a, name\n");
        String msg = run("--config", cfg.toString());
        assertTrue(msg.startsWith(cfg.toString()), msg);
    }
}
