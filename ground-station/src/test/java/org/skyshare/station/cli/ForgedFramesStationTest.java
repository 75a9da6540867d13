package org.skyshare.station.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.sim.camera.ThermalCamera;
import org.skyshare.sim.camera.VehiclePose;
import org.skyshare.sim.stream.FrameMetadata;
import org.skyshare.sim.stream.ThermalStreamSender;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.World;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.mqtt.Ports;
import org.skyshare.station.mqtt.TestSubscriber;
import org.skyshare.station.mqtt.Waits;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forged-frame attack of issue 14 against the running station: UDP datagrams carrying thermal
 * frames of a fire, sent to its thermal port from an address that is not the vehicle's. Every one
 * is refused (the health line counts them all) and the agency receives nothing; the very same
 * datagrams from the vehicle's address become a fire alert to forestry, so they were a real attack.
 */
class ForgedFramesStationTest {
    private static final Pattern REFUSED = Pattern.compile("\\((\\d+) packets from unknown senders refused\\)");
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void forgedThermalDatagramsRaiseNoAlert(@TempDir Path dir) throws Exception {
        List<byte[]> datagrams = fireDatagrams();
        assertThat(datagrams.size()).isBetween(6, 40);

        int brokerPort = Ports.free();
        int thermalPort = Ports.free();
        // the drone (and its camera) is at 127.0.0.2; nothing answers there, which does not matter here
        Path config = writeConfig(dir, "127.0.0.2", Ports.free());
        Path users = dir.resolve("users.yaml");
        Files.writeString(users, "users:\n  - {name: forestry, role: agency, password: \"forestry-secret-1\"}\n");

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger station = (Logger) LoggerFactory.getLogger(StationCommand.class);
        station.addAppender(log);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new StationCommand());
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--config", config.toString(),
                "--broker-users", users.toString(), "--broker-port", String.valueOf(brokerPort),
                "--thermal-port", String.valueOf(thermalPort), "--duration", "60s", "--status-every", "1s"));
        try {
            assertThat(Waits.until(() -> out.toString().contains("running"), Duration.ofSeconds(60))).as(out.toString()).isTrue();
            try (TestSubscriber forestry = new TestSubscriber("tcp://127.0.0.1:" + brokerPort, "forestry", "forestry-secret-1",
                    false, new AlertTopics("test-station").alerts("forestry"))) {
                // the attack: from 127.0.0.3, an address on this machine that is not the drone's
                replay(datagrams, "127.0.0.3", thermalPort);
                assertThat(Waits.until(() -> refused(log) >= datagrams.size(), Duration.ofSeconds(30)))
                        .as("health lines: %s", healthLines(log)).isTrue();
                assertThat(refused(log)).as("every forged datagram refused").isEqualTo(datagrams.size());
                assertThat(forestry.topics).as("alerts the agency received").isEmpty();

                // the control: the same datagrams from the drone's address are a fire, sent to forestry
                replay(datagrams, "127.0.0.2", thermalPort);
                assertThat(forestry.awaitCapIds(1, Duration.ofSeconds(60))).as("the genuine frames raise the fire alert")
                        .isTrue();
                assertThat(refused(log)).isEqualTo(datagrams.size());
            }
            assertThat(run.get(120, TimeUnit.SECONDS)).as(out.toString()).isZero();
        } finally {
            station.detachAppender(log);
        }
    }

    private static long refused(ListAppender<ILoggingEvent> log) {
        long max = 0;
        for (ILoggingEvent e : List.copyOf(log.list)) {
            Matcher m = REFUSED.matcher(e.getFormattedMessage());
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }

    private static List<String> healthLines(ListAppender<ILoggingEvent> log) {
        return List.copyOf(log.list).stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("health")).toList();
    }

    /**
     * Two thermal frames of the demo fire from 110 m up, as vehicle 1's camera would send them, in
     * large datagrams (about a dozen per frame, as a forger would), captured for replay.
     */
    private static List<byte[]> fireDatagrams() throws Exception {
        World world = WorldBuilder.demo(WorldBuilder.defaultAssets());
        GroundTruth.FireTruth fire = world.groundTruth().fires().get(0);
        VehiclePose pose = new VehiclePose(fire.latDeg() + 0.0001, fire.lonDeg() - 0.0001, world.groundAltitudeM() + 110, 90);
        RadiometricFrame r = new ThermalCamera(world, THERMAL).render(pose, GimbalAttitude.NADIR, 1);
        List<byte[]> captured = new ArrayList<>();
        try (DatagramSocket capture = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            capture.setSoTimeout(5000);
            capture.setReceiveBufferSize(4 << 20);
            long sent;
            try (ThermalStreamSender sender = new ThermalStreamSender(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), capture.getLocalPort()), 60_000)) {
                long now = Instant.now().toEpochMilli() * 1000;
                for (int seq = 1; seq <= 2; seq++) {
                    sender.send(new FrameMetadata(1, THERMAL.id(), seq, now + seq * 1000L, pose, GimbalAttitude.NADIR,
                            world.groundAltitudeM()), r);
                }
                sent = sender.packetsSent();
            }
            byte[] buf = new byte[65536];
            while (captured.size() < sent) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                capture.receive(p);
                captured.add(Arrays.copyOf(p.getData(), p.getLength()));
            }
        }
        return captured;
    }

    private static void replay(List<byte[]> datagrams, String from, int port) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0))) {
            for (byte[] d : datagrams) {
                s.send(new DatagramPacket(d, d.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
        }
    }

    private static Path writeConfig(Path dir, String vehicleHost, int vehiclePort) throws Exception {
        Files.writeString(dir.resolve("patrols.yaml"), """
                zone: Asia/Shanghai
                fire_danger: low
                patrols:
                  - id: creek-later
                    name: Creek cell, on fire danger only
                    kind: conditional
                    fire_danger_at_least: extreme
                    period_min: 600
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
                auto_confirm_confidence: 0.5
                vehicles:
                  - {id: drone-1, dock: dock-jingshan-sub, link: "udp://%s:%d"}
                """.formatted(WorldBuilder.defaultAssets().toAbsolutePath(), vehicleHost, vehiclePort));
        return config;
    }
}
