package org.skyshare.station.cli;

import org.skyshare.station.demo.DemoRun;
import org.skyshare.station.service.FrameTimings;
import org.skyshare.station.service.PatrolStation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * {@code skyshare bench station}: frame-to-alert latency (capture to stored alert) while the demo's
 * patrols run on this machine, thermal and RGB video apart, with where the time goes. Every sighting
 * of a hazard is stored as an alert revision here (the station normally updates an alert only when
 * the confidence rose by 0.1), so one run yields dozens of timed alerts instead of a handful.
 * {@code --load N} runs N CPU-bound processes beside it, as a busy CI machine would.
 */
@Command(name = "station", mixinStandardHelpOptions = true,
        description = "Frame-to-alert latency (median, 95th percentile) while the demo patrols fly, optionally with CPU load beside it.")
public class StationBench implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "4", description = "demo patrols to fly one after the other (default: ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--load", defaultValue = "0", description = "CPU-bound processes to run beside the station (default: ${DEFAULT-VALUE})")
    int load;
    @Option(names = "--time-factor", defaultValue = "20", description = "simulated seconds per real second (default: ${DEFAULT-VALUE})")
    double timeFactor;
    @Option(names = "--seed", defaultValue = "20261123", description = "seed of the first run's wind gusts; run i uses seed+i (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--max-run", defaultValue = "PT10M", converter = DemoCommand.DurationConverter.class,
            description = "longest a run may take before it is cut (default: ${DEFAULT-VALUE})")
    Duration maxRun;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || load < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --load at least 0, got " + runs + " and " + load);
        }
        List<Process> burners = new ArrayList<>();
        List<PatrolStation.AlertLatency> all = new ArrayList<>();
        List<FrameTimings.FrameTiming> thermalFrames = new ArrayList<>();
        List<FrameTimings.FrameTiming> videoFrames = new ArrayList<>();
        long dropped = 0;
        try {
            for (int i = 0; i < load; i++) {
                burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true).start());
            }
            System.out.printf(Locale.ROOT, "station bench: %d run(s) of the demo patrols at x%.0f, %d CPU-bound process(es) beside, %d cores%n",
                    runs, timeFactor, load, Runtime.getRuntime().availableProcessors());
            for (int r = 0; r < runs; r++) {
                Path out = Files.createTempDirectory("skyshare-bench-station");
                try (DemoRun run = new DemoRun(out, timeFactor, seed + r, line -> { })) {
                    PatrolStation station = run.station();
                    station.setAlertUpdateStep(0);
                    long start = System.nanoTime();
                    run.start();
                    boolean flown = awaitPatrolsFlown(station, maxRun);
                    double wallS = (System.nanoTime() - start) / 1e9;
                    List<PatrolStation.AlertLatency> lat = station.latencies();
                    all.addAll(lat);
                    thermalFrames.addAll(station.frameTimings().thermal());
                    videoFrames.addAll(station.frameTimings().video());
                    long skipped = run.frames().stats().skippedFrames();
                    dropped += skipped;
                    System.out.printf(Locale.ROOT, "run %d: %s in %.0f s; %d frames analysed (%d RGB), %d dropped by the receiver%n",
                            r + 1, flown ? "every patrol flown" : "cut at --max-run", wallS, station.framesProcessed(),
                            station.videoFramesProcessed(), skipped);
                    printAlerts("  ", lat);
                } finally {
                    deleteTree(out);
                }
            }
            System.out.println();
            System.out.printf("all %d run(s):%n", runs);
            printAlerts("  ", all);
            printFrames("  thermal frames", thermalFrames);
            printFrames("  RGB frames", videoFrames);
            System.out.printf("  frames dropped by the receiver (queue full): %d%n", dropped);
        } finally {
            burners.forEach(Process::destroyForcibly);
        }
        return 0;
    }

    private static boolean awaitPatrolsFlown(PatrolStation station, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!station.sortiesFlown().isEmpty() && station.sortiesWaiting() == 0 && station.sortiesInFlight() == 0) {
                return true;
            }
            Thread.sleep(250); // polling the station's state; nothing to be woken by
        }
        return false;
    }

    private static void printAlerts(String indent, List<PatrolStation.AlertLatency> lat) {
        for (boolean thermal : new boolean[] {true, false}) {
            List<PatrolStation.AlertLatency> of = lat.stream().filter(l -> l.thermal() == thermal).toList();
            String kind = thermal ? "thermal" : "RGB video";
            if (of.isEmpty()) {
                System.out.printf("%sframe-to-alert, %s: no alerts%n", indent, kind);
                continue;
            }
            System.out.printf(Locale.ROOT, "%sframe-to-alert, %s: median %d ms, p95 %d ms, max %d ms, n=%d"
                            + " (medians: capture to frame loop %d ms, analysis %d ms, storing %d ms)%n", indent, kind,
                    ms(of, PatrolStation.AlertLatency::micros, 0.5), ms(of, PatrolStation.AlertLatency::micros, 0.95),
                    ms(of, PatrolStation.AlertLatency::micros, 1.0), of.size(),
                    ms(of, PatrolStation.AlertLatency::arrivalMicros, 0.5), ms(of, PatrolStation.AlertLatency::analysisMicros, 0.5),
                    ms(of, PatrolStation.AlertLatency::storeMicros, 0.5));
        }
    }

    private static void printFrames(String label, List<FrameTimings.FrameTiming> frames) {
        if (frames.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s: n=%d; capture to frame loop median %d ms, p95 %d ms; analysis median %d ms, p95 %d ms%n",
                label, frames.size(), ms(frames, FrameTimings.FrameTiming::arrivalMicros, 0.5),
                ms(frames, FrameTimings.FrameTiming::arrivalMicros, 0.95), ms(frames, FrameTimings.FrameTiming::analysisMicros, 0.5),
                ms(frames, FrameTimings.FrameTiming::analysisMicros, 0.95));
    }

    /** Nearest-rank percentile in milliseconds. */
    static <T> long ms(List<T> values, ToLongFunction<T> micros, double quantile) {
        long[] sorted = values.stream().mapToLong(micros).sorted().toArray();
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000;
    }

    private static void deleteTree(Path root) throws IOException {
        // the benchmark's own temporary folder: nothing in it belongs to the user
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
