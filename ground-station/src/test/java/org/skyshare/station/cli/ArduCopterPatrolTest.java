package org.skyshare.station.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.mqtt.Ports;
import org.skyshare.station.sitl.ArduCopterSitl;
import org.skyshare.station.sitl.JingshanDock;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code skyshare station} flies a planned Jingshan patrol on ArduPilot's own ArduCopter firmware
 * (SITL, stock parameters, on dock-jingshan-sub): the patrol's sortie is launched, flown and
 * landed on the dock, and the patrol report says the sortie was completed. The creek cell's sortie
 * (13 min of flight, with the planner's camera and gimbal items) at --speedup 5: the firmware's
 * 10 s GCS failsafe is then 2 s of wall time, twice the station's heartbeat period, so no faster.
 */
class ArduCopterPatrolTest {
    private ArduCopterSitl sitl;

    @AfterEach
    void stop() {
        if (sitl != null) {
            sitl.close();
        }
    }

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void aPlannedPatrolSortieIsFlownOnArduCopterAndReportedCompleted(@TempDir Path dir) throws Exception {
        long startNs = System.nanoTime();
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 5);
        Files.writeString(dir.resolve("patrols.yaml"), """
                zone: Asia/Shanghai
                fire_danger: high
                patrols:
                  - id: creek-now
                    name: Creek cell, at once
                    kind: immediate
                    targets: [cell:G50N-767-3363]
                    agencies: [water]
                    min_battery_pct: 50
                """);
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, """
                station: sitl-station
                assets: [%s]
                aircraft: sim-quad
                patrols: patrols.yaml
                broker: embedded
                data_dir: data
                vehicles:
                  - {id: drone-1, dock: dock-jingshan-sub, link: "%s"}
                """.formatted(WorldBuilder.defaultAssets().toAbsolutePath(), sitl.uri()));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new StationCommand());
        cli.setOut(new PrintWriter(out, true));
        Path report = dir.resolve("data").resolve("patrol-report.md");
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--config", config.toString(),
                "--broker-port", String.valueOf(Ports.free()), "--thermal-port", String.valueOf(Ports.free()),
                "--duration", "420s", "--status-every", "10s", "--stop-when-idle"));
        assertThat(run.get(480, TimeUnit.SECONDS)).as(out.toString()).isZero();
        String text = Files.readString(report);
        assertThat(text).as(text + "\n" + out).contains("creek-now/").contains("completed").doesNotContain("interrupted");
        System.out.printf("ArduCopter SITL patrol: %.1f s wall time%n", (System.nanoTime() - startNs) / 1e9);
    }
}
