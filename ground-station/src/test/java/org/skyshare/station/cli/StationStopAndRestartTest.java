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
import org.skyshare.station.store.PatrolProgressStore;
import org.skyshare.station.store.StationDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM stops the station in order (no new launch, report written, no {@code .part} file left);
 * the restarted station does not fly its immediate patrol again and reports the sortie the stop
 * interrupted.
 */
class StationStopAndRestartTest {

    private static Path writeConfig(Path dir, int vehiclePort) throws Exception {
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
                  - {id: drone-1, dock: dock-jingshan-sub, link: "udp://127.0.0.1:%d"}
                """.formatted(WorldBuilder.defaultAssets().toAbsolutePath(), vehiclePort));
        return config;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermWritesTheReportAndTheRestartNeitherRefliesNorForgets(@TempDir Path dir) throws Exception {
        try (SimFleet sim = SimFleet.start(SimFleet.jingshanConfigs(1, VehicleDefaults.simQuad().withTimeFactor(20)),
                InetAddress.getLoopbackAddress(), 0)) {
            SimVehicle vehicle = sim.vehicles().get(0);
            Path config = writeConfig(dir, vehicle.udpPort());
            Path data = dir.resolve("data");
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process station = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    StationProcessMain.class.getName(), "--config", config.toString(),
                    "--broker-port", String.valueOf(Ports.free()), "--thermal-port", String.valueOf(Ports.free()),
                    "--status-every", "5s")
                    .redirectOutput(dir.resolve("station.out").toFile())
                    .redirectError(dir.resolve("station.err").toFile())
                    .start();
            try {
                assertThat(Waits.until(() -> vehicle.state().phase().airborne() || !station.isAlive(), Duration.ofSeconds(90))
                        && station.isAlive())
                        .as("the drone takes off on the immediate patrol; station said: %s", tail(dir.resolve("station.err")))
                        .isTrue();
                station.destroy(); // SIGTERM
                assertThat(station.waitFor(90, TimeUnit.SECONDS)).as("the station stops after SIGTERM").isTrue();
            } finally {
                station.destroyForcibly();
            }
            String said = Files.readString(dir.resolve("station.out"));
            assertThat(said).as(tail(dir.resolve("station.err"))).contains("patrol report: ");
            assertThat(Files.readString(data.resolve("patrol-report.md"))).contains("in flight when the station stopped");
            try (Stream<Path> files = Files.walk(data)) {
                assertThat(files.map(Path::toString).filter(f -> f.endsWith(".part")).toList()).isEmpty();
            }

            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new StationCommand());
            cli.setOut(new PrintWriter(out, true));
            int code = cli.execute("--config", config.toString(), "--broker-port", String.valueOf(Ports.free()),
                    "--thermal-port", String.valueOf(Ports.free()), "--duration", "6s", "--status-every", "5s");
            assertThat(code).as(out.toString()).isZero();
            String second = Files.readString(data.resolve("patrol-report.md"));
            assertThat(second).contains("creek-now/").contains("interrupted by station stop");
            try (StationDatabase db = StationDatabase.openEmbedded(data)) {
                PatrolProgressStore progress = new PatrolProgressStore(db);
                assertThat(progress.runsOf("creek-now")).as("the immediate patrol ran once").isEqualTo(1);
                assertThat(progress.sortiesIn(PatrolProgressStore.SortieState.FLYING)).isEmpty();
                assertThat(progress.sortiesIn(PatrolProgressStore.SortieState.INTERRUPTED_BY_STOP)).hasSize(1);
            }
        }
    }

    private static String tail(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (java.io.IOException e) {
            return "(nothing)";
        }
    }
}
