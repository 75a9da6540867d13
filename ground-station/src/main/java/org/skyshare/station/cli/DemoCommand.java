package org.skyshare.station.cli;

import org.skyshare.station.demo.DemoRun;
import org.skyshare.station.report.PatrolReport;
import org.skyshare.station.report.PatrolReportWriter;
import org.skyshare.station.service.PatrolStation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code skyshare demo}: the whole shared-flight loop on embedded defaults. Three simulated docked
 * drones fly the Jingshan sample's patrols over MAVLink/UDP, stream RGB and radiometric frames of a
 * world with a small fire, a hot roof and a flooded creek; the station detects, tracks, routes and
 * sends alerts through an embedded MQTT broker and database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the shared-flight patrol on the Jingshan sample with simulated docked drones, an embedded "
                + "MQTT broker and database; opens the console unless --headless.")
public class DemoCommand implements Callable<Integer> {
    @Option(names = "--headless", description = "no console: print progress and a final report")
    boolean headless;
    @Option(names = "--duration", defaultValue = "PT5M", converter = DurationConverter.class,
            description = "how long to run, e.g. 240s, 5m or PT4M (default ${DEFAULT-VALUE}; the console keeps running until closed)")
    Duration duration;
    @Option(names = "--seed", defaultValue = "20261123", description = "seed of the simulated wind gusts (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--time-factor", defaultValue = "20", description = "simulated seconds per real second (default ${DEFAULT-VALUE})")
    double timeFactor;
    @Option(names = "--out", defaultValue = ".skyshare/demo", description = "where the database, evidence and report go (default ${DEFAULT-VALUE})")
    Path out;
    @Spec
    CommandSpec spec;

    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            String s = v.strip().toLowerCase();
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase());
            }
            if (s.matches("\\d+(\\.\\d+)?s?")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s.replace("s", "")) * 1000));
            }
            if (s.matches("\\d+(\\.\\d+)?m(in)?")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(s.replaceAll("m(in)?", "")) * 60));
            }
            throw new IllegalArgumentException("expected a duration such as 240s, 5m or PT4M, got '" + v + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter con = spec.commandLine().getOut();
        Consumer<String> say = line -> {
            synchronized (con) {
                con.println(line);
                con.flush();
            }
        };
        say.accept("Skyshare demo: seed " + seed + ", time x" + timeFactor + ", output in " + out.toAbsolutePath());
        // first, so closed last: Ctrl-C / SIGTERM waits until the report is written and the database closed
        try (OrderlyStop stop = headless ? OrderlyStop.onSignal(Duration.ofSeconds(60)) : OrderlyStop.none();
             DemoRun run = new DemoRun(out, timeFactor, seed, say)) {
            PatrolStation station = run.station();
            station.onProgress(line -> say.accept("  " + line));
            run.start();
            if (headless) {
                runFor(station, con, stop);
            } else {
                DemoConsole.open(run, con);
            }
            station.stopLaunching();
            PatrolReport report = station.report();
            Path md = PatrolReportWriter.write(report, run.assets(), out, "patrol-report");
            summarise(con, station, report, md);
            con.println("  frames: " + run.frames().stats());
            con.flush();
        }
        return 0;
    }

    /** Until --duration has passed or every patrol is flown, with a status line every 15 s. */
    private void runFor(PatrolStation station, PrintWriter con, OrderlyStop stop) throws InterruptedException {
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        Instant nextStatus = start;
        while (Instant.now().isBefore(end)) {
            boolean allFlown = !station.sortiesFlown().isEmpty() && station.sortiesWaiting() == 0 && station.sortiesInFlight() == 0;
            if (allFlown || !Instant.now().isBefore(nextStatus)) {
                String status = String.format("[%3ds] sorties flown %d, in flight %d, waiting %d; frames analysed %d (%d RGB)%s",
                        Duration.between(start, Instant.now()).toSeconds(), station.sortiesFlown().size(),
                        station.sortiesInFlight(), station.sortiesWaiting(), station.framesProcessed(),
                        station.videoFramesProcessed(), allFlown ? "; every patrol flown" : "");
                synchronized (con) {
                    con.println(status);
                    con.flush();
                }
                nextStatus = Instant.now().plusSeconds(15);
            }
            if (allFlown) {
                return;
            }
            if (stop.awaitRequest(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250))) { // pacing the status line
                synchronized (con) {
                    con.println("stop requested: no new launches; writing the report");
                    con.flush();
                }
                return;
            }
        }
    }

    private static void summarise(PrintWriter con, PatrolStation station, PatrolReport report, Path md) {
        con.println();
        con.println("Demo report");
        con.printf("  sorties flown: %d; frames analysed: %d%n", report.sorties().size(), station.framesProcessed());
        for (var i : report.incidents()) {
            con.printf("  %s %s at %.5f, %.5f, confidence %.2f, %s -> %s%n", i.id(), i.kind().toLowerCase(), i.latDeg(),
                    i.lonDeg(), i.confidence(), i.state().toLowerCase(), i.agencies().isEmpty() ? "(no agency yet)" : String.join(", ", i.agencies()));
        }
        for (boolean thermal : new boolean[] {true, false}) {
            List<PatrolStation.AlertLatency> lat = new ArrayList<>(station.latencies().stream().filter(l -> l.thermal() == thermal).toList());
            if (!lat.isEmpty()) {
                lat.sort(Comparator.comparingLong(PatrolStation.AlertLatency::micros));
                PatrolStation.AlertLatency median = lat.get(lat.size() / 2);
                con.printf("  frame-to-alert latency, %s frames: median %d ms (%d ms capture to arrival, %d ms analysis), max %d ms"
                                + " (%d alerts and updates)%n", thermal ? "thermal" : "RGB video", median.micros() / 1000,
                        median.arrivalMicros() / 1000, (median.micros() - median.arrivalMicros()) / 1000,
                        lat.get(lat.size() - 1).micros() / 1000, lat.size());
            }
        }
        for (var c : report.coverage()) {
            con.printf("  covered %s: %.0f %%%n", c.name(), 100 * c.share());
        }
        con.println("  report: " + md.toAbsolutePath());
        con.flush();
    }
}
