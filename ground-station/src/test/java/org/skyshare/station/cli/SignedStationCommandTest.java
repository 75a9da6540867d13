package org.skyshare.station.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.link.SigningTimestampFile;
import org.skyshare.station.mqtt.Ports;
import org.skyshare.station.mqtt.Waits;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code skyshare station --config F} with MAVLink 2 signing configured for its drone, against a
 * simulated drone that obeys only frames signed with the same key: the patrol's sortie takes off,
 * nothing the drone sent was dropped, and the signing timestamp is left in the data folder.
 */
class SignedStationCommandTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aStationWithTheVehiclesKeyInItsConfigLaunchesTheSignedDrone(@TempDir Path dir) throws Exception {
        byte[] key = new byte[32];
        new Random(14).nextBytes(key);
        String hex = HexFormat.of().formatHex(key);
        Files.writeString(dir.resolve("drone-1.key"), hex + "\n");
        try (SimFleet sim = SimFleet.start(SimFleet.jingshanConfigs(1, VehicleDefaults.simQuad().withTimeFactor(20)
                .withSigning(MavlinkSigning.fromHex(hex, 0))), InetAddress.getLoopbackAddress(), 0)) {
            SimVehicle vehicle = sim.vehicles().get(0);
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
                      - {id: drone-1, dock: dock-jingshan-sub, link: "udp://127.0.0.1:%d", signing: {key_file: drone-1.key, link_id: 2}}
                    """.formatted(WorldBuilder.defaultAssets().toAbsolutePath(), vehicle.udpPort()));
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new StationCommand());
            cli.setOut(new PrintWriter(out, true));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--config", config.toString(),
                    "--broker-port", String.valueOf(Ports.free()), "--thermal-port", String.valueOf(Ports.free()),
                    "--duration", "15s", "--status-every", "5s"));

            assertThat(Waits.until(() -> vehicle.state().phase().airborne(), Duration.ofSeconds(40)))
                    .as("the signed drone takes off on the patrol's sortie; station said: %s", out).isTrue();
            assertThat(run.get(90, TimeUnit.SECONDS)).as(out.toString()).isZero();
            assertThat(vehicle.receiveStats().unsigned()).isZero();
            assertThat(vehicle.receiveStats().badSignature()).isZero();
            assertThat(vehicle.receiveStats().frames()).isPositive();
            Path timestamps = dir.resolve("data/signing/vehicle-1-link-2.timestamp");
            assertThat(SigningTimestampFile.read(timestamps)).isGreaterThan(MavlinkSigning.clockTimestamp() - 60L * 100_000);
        }
    }
}
