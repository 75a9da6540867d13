package org.skyshare.station.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.mqtt.TestBroker;
import org.skyshare.station.mqtt.TestSubscriber;
import org.skyshare.station.mqtt.Waits;
import org.skyshare.station.store.AlertRecord;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.PatrolProgressStore;
import org.skyshare.station.store.StationDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.mqtt.TestBroker.TOPICS;
import static org.skyshare.station.mqtt.TestBroker.password;

/**
 * Kills a station process with SIGKILL at seeded random moments while alerts flow to a real broker,
 * restarts it on the same data folder, and checks after every kill what an agency may rely on:
 * <ul>
 *   <li>every CAP alert the agency received is stored (nothing the station sent is lost);</li>
 *   <li>no identifier (incident, agency, revision) arrived with two different contents;</li>
 *   <li>each fire is one incident, also when the restarted station names it anew;</li>
 *   <li>the immediate patrol ran once;</li>
 *   <li>the database opens (no damage).</li>
 * </ul>
 * A last run drains the outbox: then every stored alert has reached the agency.
 *
 * <p>{@code -Dskyshare.crash.kills=N} (default 10) and {@code -Dskyshare.crash.seed=S} set the run;
 * the summary line is the figure in docs/performance/alerts.md.
 */
class CrashHarnessTest {
    private static final Pattern CAP_ID = Pattern.compile("<identifier>([^<]+)</identifier>");
    private static final int KILLS = Integer.getInteger("skyshare.crash.kills", 10);
    private static final long SEED = Long.getLong("skyshare.crash.seed", 14);
    /**
     * One run in four is killed at a moment drawn from its process start (0.3-3 s: JVM start-up,
     * database checks, migration, backup); the others once alerts flow, 0-1.5 s after the station
     * said READY. Drawing from READY keeps the share of kills amid alerts the same on a slow or
     * loaded machine.
     */
    private static final int STARTUP_KILL_MS = 3_000;
    private static final int FLOWING_KILL_MS = 1_500;

    @TempDir
    Path dir;

    @Test
    void aStationKilledAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Path data = dir.resolve("station");
        Random random = new Random(SEED);
        long redelivered = 0;
        int readyRuns = 0;
        try (TestBroker broker = TestBroker.create(TestBroker.Kind.EMBEDDED, dir.resolve("broker"))) {
            broker.start();
            try (TestSubscriber forestry = new TestSubscriber(broker.url(), "forestry", password("forestry"), false,
                    TOPICS.alerts("forestry"))) {
                int flowingKills = 0;
                for (int kill = 0; kill < KILLS; kill++) {
                    boolean inStartUp = random.nextInt(4) == 0;
                    int killAfterMs = inStartUp ? 300 + random.nextInt(STARTUP_KILL_MS - 300) : random.nextInt(FLOWING_KILL_MS);
                    Child child = Child.start(data, broker.url(), kill, dir.resolve("child-" + kill + ".err"), false);
                    if (!inStartUp) {
                        flowingKills++;
                        assertThat(Waits.until(() -> child.said("READY") || !child.process.isAlive(), Duration.ofSeconds(120)))
                                .as("run %d said READY: %s", kill, errTail(dir.resolve("child-" + kill + ".err"))).isTrue();
                    }
                    // the experiment's variable, not a synchronisation: how long the station runs before SIGKILL
                    boolean endedByItself = child.process.waitFor(killAfterMs, TimeUnit.MILLISECONDS);
                    assertThat(endedByItself).as("run %d ended before its kill: %s %s", kill, child.lines(),
                            errTail(dir.resolve("child-" + kill + ".err"))).isFalse();
                    child.process.destroyForcibly();
                    assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(child.process.exitValue()).as("run %d was killed, not ended by itself: %s %s", kill,
                            child.lines(), errTail(dir.resolve("child-" + kill + ".err"))).isEqualTo(137);
                    if (child.lines().stream().anyMatch(l -> l.startsWith("READY"))) {
                        readyRuns++;
                    }
                    checkInvariants(data, forestry, kill, readyRuns > 0);
                }
                Child last = Child.start(data, broker.url(), KILLS, dir.resolve("child-drain.err"), true);
                assertThat(last.process.waitFor(180, TimeUnit.SECONDS)).as("drain run ended").isTrue();
                assertThat(last.lines()).as(errTail(dir.resolve("child-drain.err"))).contains("DRAINED");
                Set<String> stored = storedAlertIds(data);
                assertThat(Waits.until(() -> forestry.capIds.keySet().containsAll(stored), Duration.ofSeconds(60)))
                        .as("every stored alert reached the agency; missing: %s",
                                stored.stream().filter(id -> !forestry.capIds.containsKey(id)).limit(10).toList())
                        .isTrue();
                checkInvariants(data, forestry, KILLS, true);
                for (int count : forestry.capIds.values()) {
                    redelivered += count - 1;
                }
                int incidents = incidentCount(data);
                assertThat(readyRuns).as("runs that got as far as raising alerts").isGreaterThanOrEqualTo(flowingKills);
                assertThat(incidents).as("fires raised across the runs").isGreaterThan(KILLS);
                String summary = String.format(Locale.ROOT, "crash harness: seed %d, %d SIGKILLs (%d while alerts flowed), "
                                + "%d incidents, %d CAP alerts stored, %d received by the agency (%d redelivered with the "
                                + "same identifier and bytes), lost 0, duplicated 0, immediate patrol runs 1",
                        SEED, KILLS, readyRuns, incidents, stored.size(), forestry.capIds.size(), redelivered);
                System.out.println(summary);
                Files.writeString(Path.of("target", "crash-harness.txt"), summary + System.lineSeparator());
            }
        }
    }

    /** @param patrolStarted whether a run got past its schedule (it prints READY after recording the patrol) */
    private static void checkInvariants(Path data, TestSubscriber forestry, int run, boolean patrolStarted) {
        Map<String, Set<String>> contents = new HashMap<>();
        for (String payload : List.copyOf(forestry.payloads)) {
            Matcher m = CAP_ID.matcher(payload);
            if (m.find()) {
                contents.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(payload);
            }
        }
        assertThat(contents.entrySet()).as("after run %d: an identifier with two different contents", run)
                .allMatch(e -> e.getValue().size() == 1);
        try (StationDatabase db = StationDatabase.openEmbedded(data)) {
            AlertStore store = new AlertStore(db);
            List<String> lost = new ArrayList<>();
            for (String id : contents.keySet()) {
                if (store.alert(id).isEmpty()) {
                    lost.add(id);
                }
            }
            assertThat(lost).as("after run %d: alerts the agency received but the store lacks", run).isEmpty();
            List<Incident> incidents = store.incidentsIn(IncidentState.DISPATCHED);
            Map<String, List<String>> byFire = new HashMap<>();
            for (Incident i : incidents) {
                String cell = Math.round((i.report().position().latDeg() - 30.0) / CrashStationMain.CELL_DEG) + ","
                        + Math.round((i.report().position().lonDeg() - 119.0) / CrashStationMain.CELL_DEG);
                byFire.computeIfAbsent(cell, k -> new ArrayList<>()).add(i.id());
            }
            assertThat(byFire.values()).as("after run %d: one incident per fire", run).allMatch(ids -> ids.size() == 1);
            for (Incident i : incidents) {
                List<AlertRecord> alerts = store.alertsOf(i.id());
                assertThat(alerts).as("after run %d: incident %s has one alert per revision", run, i.id())
                        .extracting(AlertRecord::revision).doesNotHaveDuplicates();
                assertThat(alerts).extracting(AlertRecord::revision).allMatch(r -> r <= i.revision());
            }
            assertThat(new PatrolProgressStore(db).runsOf("first-look")).as("after run %d: immediate patrol runs", run)
                    .isLessThanOrEqualTo(1);
            if (patrolStarted) {
                assertThat(new PatrolProgressStore(db).runsOf("first-look")).as("after run %d", run).isEqualTo(1);
            }
        }
    }

    private static Set<String> storedAlertIds(Path data) {
        try (StationDatabase db = StationDatabase.openEmbedded(data)) {
            AlertStore store = new AlertStore(db);
            Set<String> ids = new HashSet<>();
            for (Incident i : store.incidentsIn(IncidentState.DISPATCHED)) {
                store.alertsOf(i.id()).forEach(a -> ids.add(a.id()));
            }
            return ids;
        }
    }

    private static int incidentCount(Path data) {
        try (StationDatabase db = StationDatabase.openEmbedded(data)) {
            return new AlertStore(db).incidentsIn(IncidentState.DISPATCHED).size();
        }
    }

    private static String errTail(Path err) {
        try {
            List<String> lines = Files.readAllLines(err);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    /** A station process and the lines it printed (read on a thread, so a full pipe never blocks it). */
    private record Child(Process process, List<String> out) {
        static Child start(Path data, String brokerUrl, int run, Path err, boolean drain) throws IOException {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // a private temporary folder: sqlite-jdbc unpacks its native library there and, at start, deletes
            // the copies of other processes it believes dead, which must not be the test's or another build's
            Path tmp = Files.createDirectories(data.getParent().resolve("tmp"));
            List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-Djava.io.tmpdir=" + tmp,
                    "-Dlogback.configurationFile=" + logbackWarn(data.getParent()),
                    "-cp", System.getProperty("java.class.path"), CrashStationMain.class.getName(), data.toString(),
                    brokerUrl, Integer.toString(run), Long.toString(SEED)));
            if (drain) {
                cmd.add("drain");
            }
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        out.add(l);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            }, "crash-child-out");
            reader.setDaemon(true);
            reader.start();
            return new Child(p, out);
        }

        boolean said(String prefix) {
            synchronized (out) {
                return out.stream().anyMatch(l -> l.startsWith(prefix));
            }
        }

        List<String> lines() throws InterruptedException {
            // the reader thread ends at end of stream; the process has ended when this is asked
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (process.isAlive() && System.nanoTime() < deadline) {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
            return List.copyOf(out);
        }

        private static String logbackWarn(Path dir) throws IOException {
            Path f = dir.resolve("logback-warn.xml");
            if (!Files.exists(f)) {
                Files.writeString(f, "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                        + "<target>System.err</target><encoder><pattern>%level %logger %msg%n</pattern></encoder></appender>"
                        + "<root level=\"WARN\"><appender-ref ref=\"E\"/></root></configuration>");
            }
            return f.toString();
        }
    }
}
