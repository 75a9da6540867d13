package org.skyshare.station.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.mqtt.Ports;
import org.skyshare.station.mqtt.Waits;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code skyshare station --config F} against a simulated docked drone over MAVLink/UDP. */
class StationCommandTest {

    private static Path writeConfig(Path dir, String dock, int vehiclePort) throws Exception {
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
                station: test-station
                assets: [%s]
                aircraft: sim-quad
                patrols: patrols.yaml
                broker: embedded
                data_dir: data
                vehicles:
                  - {id: drone-1, dock: %s, link: "udp://127.0.0.1:%d"}
                """.formatted(WorldBuilder.defaultAssets().toAbsolutePath(), dock, vehiclePort));
        return config;
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theStationLaunchesItsDueSortieAndWritesTheReportWhenItStops(@TempDir Path dir) throws Exception {
        try (SimFleet sim = SimFleet.start(SimFleet.jingshanConfigs(1, VehicleDefaults.simQuad().withTimeFactor(20)),
                InetAddress.getLoopbackAddress(), 0)) {
            SimVehicle vehicle = sim.vehicles().get(0);
            Path config = writeConfig(dir, "dock-jingshan-sub", vehicle.udpPort());
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new StationCommand());
            cli.setOut(new PrintWriter(out, true));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--config", config.toString(),
                    "--broker-port", String.valueOf(Ports.free()), "--thermal-port", String.valueOf(Ports.free()),
                    "--duration", "25s", "--status-every", "5s"));

            assertThat(Waits.until(() -> vehicle.state().phase().airborne(), Duration.ofSeconds(40)))
                    .as("the simulated drone takes off on the patrol's sortie; station said: %s", out).isTrue();
            assertThat(run.get(90, TimeUnit.SECONDS)).as(out.toString()).isZero();
            assertThat(out.toString()).contains("station test-station running").contains("patrol report: ");
            Path report = dir.resolve("data").resolve("patrol-report.md");
            assertThat(report).exists();
            assertThat(Files.readString(report)).contains("# Patrol report, station test-station");
        }
    }

    @Test
    void aVehicleOnADockTheAssetsLackIsASentenceBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path config = writeConfig(dir, "dock-nowhere", 14999);
        StationCommand cmd = new StationCommand();
        new CommandLine(cmd).parseArgs("--config", config.toString());
        assertThatThrownBy(cmd::call).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(config + ": vehicle drone-1: dock 'dock-nowhere' is not a dock in the assets; docks there: "
                        + "[dock-jingshan-sub, dock-changle-t18, dock-shuangxi-t31]");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
