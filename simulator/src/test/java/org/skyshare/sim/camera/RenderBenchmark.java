package org.skyshare.sim.camera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.stream.FrameMetadata;
import org.skyshare.sim.stream.ThermalStreamReceiver;
import org.skyshare.sim.stream.ThermalStreamSender;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering and streaming speed over the demo world, flying a line across the fire at 100 m.
 * A benchmark, not a test: it runs only with {@code -Dskyshare.bench=true} and writes its figures
 * to target/bench/sim-render.txt.
 * <pre>mvn -B -q -o -pl simulator test -Dtest=RenderBenchmark -Dskyshare.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "skyshare.bench", matches = "true")
class RenderBenchmark {
    private static final int WARMUP = 8;
    private static final int FRAMES = 30;

    @Test
    void renderAndStream() throws Exception {
        World world = TestWorlds.demo();
        GroundTruth.FireTruth fire = world.groundTruth().fires().get(0);
        CameraProfile thermalProfile = ProfileCatalog.builtIn().camera("sim-thermal");
        CameraProfile rgbProfile = ProfileCatalog.builtIn().camera("sim-rgb");
        ThermalCamera thermal = new ThermalCamera(world, thermalProfile);
        RgbCamera rgb = new RgbCamera(world, rgbProfile);

        double thermalMs = time(i -> thermal.render(pose(world, fire, i), GimbalAttitude.NADIR, i));
        double rgbMs = time(i -> rgb.render(pose(world, fire, i), GimbalAttitude.NADIR, i));
        double obliqueMs = time(i -> rgb.render(pose(world, fire, i), new GimbalAttitude(-30, 0, 0), i));

        double streamMs;
        try (ThermalStreamReceiver receiver = new ThermalStreamReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
             ThermalStreamSender sender = new ThermalStreamSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.port()))) {
            RadiometricFrame f = thermal.render(pose(world, fire, 0), GimbalAttitude.NADIR, 0);
            long t0 = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                sender.send(new FrameMetadata(1, "sim-thermal", i, i, pose(world, fire, i), GimbalAttitude.NADIR, world.groundAltitudeM()), f);
                assertThat(receiver.poll(Duration.ofSeconds(5))).isNotNull();
            }
            streamMs = (System.nanoTime() - t0) / 1e6 / FRAMES;
        }
        String report = String.format(Locale.ROOT, """
                cores: %d, max heap: %d MB, java %s
                thermal 640x512 render (nadir, over the fire):   %.1f ms/frame = %.1f frames/s
                RGB 1280x720 render (nadir, over the fire):      %.1f ms/frame = %.1f frames/s
                RGB 1280x720 render (pitch -30, with horizon):   %.1f ms/frame = %.1f frames/s
                thermal frame send + receive + verify, loopback: %.1f ms/frame
                render thread CPU time, ms/frame (thermal, RGB nadir, RGB oblique):%s
                load average at the end: %.1f
                """, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                thermalMs, 1000 / thermalMs, rgbMs, 1000 / rgbMs, obliqueMs, 1000 / obliqueMs, streamMs, CPU,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "sim-render.txt"), report);
        System.out.println(report);
        assertThat(thermalMs).isPositive();
    }

    private static VehiclePose pose(World world, GroundTruth.FireTruth fire, int i) {
        // flying east at 10 m/s and 5 frames/s over fresh ground each frame
        return new VehiclePose(fire.latDeg(), fire.lonDeg() - 0.002 + i * 2.0 / 96_000, world.groundAltitudeM() + 100, 90);
    }

    private interface Render {
        Object run(int i);
    }

    private static final StringBuilder CPU = new StringBuilder();

    /** Wall time per frame; the render thread's CPU time per frame goes to {@link #CPU}. */
    private static double time(Render r) {
        for (int i = 0; i < WARMUP; i++) {
            r.run(i);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < FRAMES; i++) {
            r.run(WARMUP + i);
        }
        double wall = (System.nanoTime() - t0) / 1e6 / FRAMES;
        CPU.append(String.format(Locale.ROOT, " %.1f", (mx.getCurrentThreadCpuTime() - c0) / 1e6 / FRAMES));
        return wall;
    }
}
