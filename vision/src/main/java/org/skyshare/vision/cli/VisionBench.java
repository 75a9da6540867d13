package org.skyshare.vision.cli;

import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.thermal.SyntheticThermalScene;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.profiles.ThermalSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench vision}: thermal hotspot detection throughput on 640x512 radiometric frames, one
 * thread per core, on synthetic scenes (textured ground, sun-heated roofs, people, vehicles, and a
 * fire in a quarter of the frames). Also times decoding raw 16-bit counts to temperatures.
 */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Thermal hotspot detection throughput (frames/s per core) on 640x512 radiometric frames.")
public class VisionBench implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "5", description = "measured seconds per thread count (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "worker threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--width", defaultValue = "640") int width;
    @Option(names = "--height", defaultValue = "512") int height;

    @Option(names = "--video-seconds", defaultValue = "0",
            description = "also decode a generated 1080p 30 fps H.264 clip of this length with 0.5 s sampling and report the real-time factor (default: off)")
    double videoSeconds;

    public VisionBench() {
    }

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || threads < 1 || width < 32 || height < 32) {
            throw new IllegalArgumentException("--seconds must be positive, --threads at least 1 and the frame at least 32x32");
        }
        List<ThermalImage> frames = scenes();
        ThermalHotspotDetector detector = new ThermalHotspotDetector();
        System.out.printf(Locale.ROOT, "thermal hotspot detection, %dx%d radiometric frames, %d distinct scenes, %d thread(s), %d cores available%n",
                width, height, frames.size(), threads, Runtime.getRuntime().availableProcessors());
        run(detector, frames, Math.min(2, seconds)); // warm-up: JIT compiles the hot loops
        double fps = run(detector, frames, seconds);
        System.out.printf(Locale.ROOT, "detect:  %,.0f frames/s wall clock (all threads), %.3f ms/frame/thread%n",
                fps, 1000.0 * threads / fps);
        System.out.printf(Locale.ROOT, "detect:  %,.0f frames per CPU-second per core (thread CPU time; independent of other load)%n",
                framesPerCpuSecond);

        ThermalSpec spec = ProfileCatalog.builtIn().camera("sim-thermal").thermal();
        short[] raw = frames.get(0).toRaw(spec);
        decode(raw, spec, Math.min(1, seconds)); // warm-up
        double[] decodeMs = decode(raw, spec, Math.min(2, seconds));
        System.out.printf(Locale.ROOT, "decode raw 16-bit -> degC: %.3f ms/frame wall, %.3f ms/frame CPU (one thread)%n",
                decodeMs[0], decodeMs[1]);
        if (videoSeconds > 0) {
            VideoBench.run(videoSeconds, System.out);
        }
        return 0;
    }

    /** Wall and CPU milliseconds per decoded frame. */
    private double[] decode(short[] raw, ThermalSpec spec, double secs) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (secs * 1e9);
        long n = 0;
        float sink = 0;
        while (System.nanoTime() < end) {
            sink += ThermalImage.fromRaw(width, height, raw, spec).temperaturesC()[(int) (n++ % raw.length)];
        }
        if (Float.isNaN(sink)) {
            throw new IllegalStateException("decoded a NaN temperature");
        }
        return new double[] {(System.nanoTime() - start) / 1e6 / n, (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / n};
    }

    private List<ThermalImage> scenes() {
        List<ThermalImage> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SyntheticThermalScene s = new SyntheticThermalScene(width, height, 18 + i, 3, 1000 + i)
                    .rectangle(width / 8, height / 8, width / 10, height / 12, 55 + i)
                    .rectangle(width / 2, height / 3, width / 14, height / 10, 65)
                    .person(width / 3, height * 3 / 4)
                    .vehicle(width * 3 / 4, height / 5, 95);
            if (i % 4 == 0) {
                s.fire(width / 4 + i * 7, height / 2, 5, 550);
            }
            out.add(s.image());
        }
        return out;
    }

    private double framesPerCpuSecond;

    private double run(ThermalHotspotDetector detector, List<ThermalImage> frames, double secs) throws InterruptedException {
        long[] cpuNanos = new long[threads];
        long[] counts = new long[threads];
        long[] sink = new long[threads];
        Thread[] workers = new Thread[threads];
        long deadline = System.nanoTime() + (long) (secs * 1e9);
        long start = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            final int id = w;
            workers[w] = new Thread(() -> {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getCurrentThreadCpuTime();
                int i = id;
                long n = 0;
                long found = 0;
                while (System.nanoTime() < deadline) {
                    for (int k = 0; k < 32; k++) {
                        found += detector.analyse(frames.get(i++ % frames.size())).size();
                        n++;
                    }
                }
                counts[id] = n;
                sink[id] = found;
                cpuNanos[id] = mx.getCurrentThreadCpuTime() - cpu0;
            }, "bench-vision-" + w);
            workers[w].start();
        }
        long total = 0;
        for (int w = 0; w < threads; w++) {
            workers[w].join();
            total += counts[w];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = 0;
        for (long c : cpuNanos) {
            cpu += c;
        }
        framesPerCpuSecond = total / (cpu / 1e9);
        long found = 0;
        for (long s : sink) {
            found += s;
        }
        if (found == 0) {
            throw new IllegalStateException("the benchmark scenes produced no detections; the detector is misconfigured");
        }
        return total / elapsed;
    }
}
