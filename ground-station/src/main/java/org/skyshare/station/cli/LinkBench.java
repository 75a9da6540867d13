package org.skyshare.station.cli;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkFrameParser;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.MavlinkVehicleLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code skyshare bench link}: how long a mission upload (and read-back) takes against a simulated
 * vehicle over loopback UDP, and how many telemetry frames one core decodes per second, unsigned
 * and signed.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Benchmark the MAVLink link: mission upload time on loopback and telemetry frames decoded per second per core.")
public final class LinkBench implements Callable<Integer> {
    @Option(names = "--points", description = "mission items to upload, default ${DEFAULT-VALUE}", defaultValue = "576")
    int points;

    @Option(names = "--runs", description = "timed uploads (after 2 warm-up runs), default ${DEFAULT-VALUE}", defaultValue = "10")
    int runs;

    @Option(names = "--decode-seconds", description = "seconds per decode measurement, default ${DEFAULT-VALUE}", defaultValue = "3")
    double decodeSeconds;

    private final PrintStream out;

    public LinkBench() {
        this(System.out);
    }

    LinkBench(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (points < 1 || points > 10_000) {
            throw new IllegalArgumentException("--points must be 1..10000, got " + points);
        }
        if (runs < 1 || runs > 1000) {
            throw new IllegalArgumentException("--runs must be 1..1000, got " + runs);
        }
        if (!(decodeSeconds > 0) || decodeSeconds > 600) {
            throw new IllegalArgumentException("--decode-seconds must be in (0, 600], got " + decodeSeconds);
        }
        out.printf(Locale.ROOT, "bench link: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        uploadBenchmark();
        decodeBenchmark(false);
        decodeBenchmark(true);
        return 0;
    }

    static List<MissionItem> mission(double lat, double lon, int n) {
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(0, 3, MavCmd.NAV_TAKEOFF, 0, 0, 0, 0, lat, lon, 50, true));
        int side = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; items.size() < n - 1; i++) {
            int row = i / side;
            int col = row % 2 == 0 ? i % side : side - 1 - i % side;
            items.add(new MissionItem(items.size(), 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, Float.NaN,
                    lat + row * 20 / 111_320.0, lon + 100 / 96_000.0 + col * 20 / 96_000.0, 50, true));
        }
        items.add(new MissionItem(items.size(), 2, MavCmd.NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        return items.subList(0, Math.min(items.size(), n));
    }

    private void uploadBenchmark() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad();
        List<MissionItem> items = mission(cfg.homeLatDeg(), cfg.homeLonDeg(), points);
        double[] up = new double[runs];
        double[] down = new double[runs];
        try (SimFleet sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
             MavlinkVehicleLink link = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", sim.vehicles().get(0).udpPort(), 1))) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (link.health().status() != LinkStatus.CONNECTED) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the simulated vehicle did not answer on loopback within 5 s");
                }
                Thread.onSpinWait();
            }
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("upload " + points).setInitialMax(runs + 2L)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
                for (int r = -2; r < runs; r++) {
                    long t0 = System.nanoTime();
                    link.mission().upload(items).get(60, TimeUnit.SECONDS);
                    long t1 = System.nanoTime();
                    int got = link.mission().download().get(60, TimeUnit.SECONDS).size();
                    long t2 = System.nanoTime();
                    if (got != items.size()) {
                        throw new IllegalStateException("read back " + got + " items, uploaded " + items.size());
                    }
                    if (r >= 0) {
                        up[r] = (t1 - t0) / 1e6;
                        down[r] = (t2 - t1) / 1e6;
                    }
                    bar.step();
                }
            }
        }
        Arrays.sort(up);
        Arrays.sort(down);
        out.printf(Locale.ROOT, "mission upload, %d items, loopback UDP: median %.1f ms, min %.1f ms, max %.1f ms (%d runs)%n",
                points, up[runs / 2], up[0], up[runs - 1], runs);
        out.printf(Locale.ROOT, "mission download (read back), %d items: median %.1f ms, min %.1f ms, max %.1f ms%n",
                points, down[runs / 2], down[0], down[runs - 1]);
    }

    /** A second of a vehicle's telemetry at 10 Hz, as the simulator sends it. */
    static byte[] telemetryMix(MavlinkCodec codec) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(codec.encode(Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .customMode(4L << 16 | 4L << 24).mavlinkVersion(3).build()));
        b.writeBytes(codec.encode(SysStatus.builder().voltageBattery(15800).batteryRemaining(71).build()));
        for (int i = 0; i < 10; i++) {
            b.writeBytes(codec.encode(GlobalPositionInt.builder().timeBootMs(1000 + i * 100).lat(303660605 + i * 90).lon(1197550211 + i * 40)
                    .alt(70_000).relativeAlt(50_000).vx(1000).vy(12).vz(-3).hdg(9000).build()));
            b.writeBytes(codec.encode(Attitude.builder().timeBootMs(1000 + i * 100).roll(0.02f).pitch(-0.21f).yaw(1.57f).build()));
            if (i % 2 == 0) {
                b.writeBytes(codec.encode(VfrHud.builder().airspeed(10.2f).groundspeed(10).heading(90).throttle(55).alt(70).build()));
                b.writeBytes(codec.encode(GpsRawInt.builder().timeUsec(BigInteger.valueOf(i * 100_000L)).fixType(GpsFixType.GPS_FIX_TYPE_3D_FIX)
                        .lat(303660605).lon(1197550211).alt(70_000).eph(80).epv(120).satellitesVisible(14).build()));
            }
        }
        return b.toByteArray();
    }

    private void decodeBenchmark(boolean signed) {
        MavlinkSigning key = signed ? MavlinkSigning.fromPassphrase("bench", 0) : null;
        byte[] mix = telemetryMix(new MavlinkCodec(1, 1, key));
        // a fresh encoder per block keeps signed timestamps increasing, as on a real link
        List<byte[]> blocks = new ArrayList<>();
        MavlinkCodec codec = new MavlinkCodec(1, 1, key);
        for (int i = 0; i < (signed ? 2000 : 1); i++) {
            blocks.add(telemetryMix(codec));
        }
        long[] frames = {0};
        MavlinkFrameParser parser = new MavlinkFrameParser(key);
        long warm = System.nanoTime() + 1_000_000_000L;
        int k = 0;
        while (System.nanoTime() < warm && (!signed || k < blocks.size() / 2)) {
            byte[] block = signed ? blocks.get(k++) : mix;
            parser.acceptStream(block, 0, block.length, f -> frames[0]++);
        }
        parser = new MavlinkFrameParser(key);
        frames[0] = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (decodeSeconds * 1e9);
        k = 0;
        while (System.nanoTime() < end) {
            byte[] block;
            if (signed) {
                if (k == blocks.size()) {
                    // replay protection would reject a block seen before: start over with a new parser
                    parser = new MavlinkFrameParser(key);
                    k = 0;
                }
                block = blocks.get(k++);
            } else {
                block = mix;
            }
            parser.acceptStream(block, 0, block.length, f -> frames[0]++);
            bytes += block.length;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "telemetry decode, one core%s: %,.0f frames/s (%.1f MB/s)%n", signed ? ", signed" : "",
                frames[0] / s, bytes / s / 1e6);
    }
}
