package org.skyshare.station.service;

import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.geo.LocalProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyshare.planner.export.MissionItems;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.ProgressListener;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.station.patrol.PatrolArea;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.fleet.Drone;
import org.skyshare.station.fleet.DroneSnapshot;
import org.skyshare.station.fleet.DroneState;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.link.FenceZone;
import org.skyshare.station.fleet.NoFlyFence;
import org.skyshare.station.patrol.FireDanger;
import org.skyshare.station.patrol.PatrolDefinition;
import org.skyshare.station.patrol.PatrolPlan;
import org.skyshare.station.patrol.PatrolSchedule;
import org.skyshare.station.report.PatrolReport;
import org.skyshare.station.store.PatrolProgressStore;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.FrameSource;
import org.skyshare.vision.pipeline.VisionPipeline;
import org.skyshare.vision.track.Incident;
import org.skyshare.vision.track.IncidentUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The station's autonomous loop: patrols due -> their sorties queued per dock -> launched on a
 * ready drone -> watched until the drone is home; frames from the drones -> vision -> incidents ->
 * the alert service, which reviews, routes and sends them. No pilot in the loop.
 */
public final class PatrolStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PatrolStation.class);

    /** A sighting updates its alert only when its confidence rose at least this much since the last alert. */
    static final double DEFAULT_ALERT_UPDATE_STEP = 0.1;

    /** Frames taken lower than this above the ground are not analysed. */
    static final double MIN_ANALYSED_HEIGHT_M = 30;

    private final String stationId;
    private final AssetSet assets;
    private final Plan areaPlan;
    private final PlanParameters planParameters;
    private final ProfileCatalog catalog;
    private final PatrolSchedule schedule;
    private final Map<String, PatrolDefinition> patrolsById = new LinkedHashMap<>();
    private final Fleet fleet;
    private static final double MAX_LAUNCH_BATTERY_PCT = 95;
    private static final int WARM_UP_WIDTH_PX = 640;
    private static final int WARM_UP_HEIGHT_PX = 360;
    private final AlertService alerts;
    private final PatrolProgressStore progressStore;
    private final FrameSource frames;
    private final VisionPipeline vision;
    private final Clock clock;
    private final List<FenceZone> fence;
    private volatile FireDanger fireDanger;

    // dispatch state: touched only by the dispatch thread, except the launch-failure hand-back queue
    private final Map<String, DockQueue> queues = new LinkedHashMap<>();
    private final Map<Integer, Flight> flights = new ConcurrentHashMap<>();
    private final WaitReasons waitReasons = new WaitReasons();
    private final Queue<Flight> launchFailed = new ConcurrentLinkedQueue<>();
    private final Map<Integer, LaunchBackOff> launchBackOff = new ConcurrentHashMap<>();
    private final Map<String, PatrolRun> runs = new ConcurrentHashMap<>();
    private volatile int waiting;

    private final List<PatrolReport.SortieSummary> flown = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<double[]>> tracks = new ConcurrentHashMap<>();
    private final Map<String, Double> reportedConfidence = new ConcurrentHashMap<>();
    private final Map<String, String> alertIncidentOf = new ConcurrentHashMap<>();
    private final List<AlertLatency> latencies = new CopyOnWriteArrayList<>();
    private final FrameTimings frameTimings = new FrameTimings();
    private volatile double alertUpdateStep = DEFAULT_ALERT_UPDATE_STEP;
    private final AtomicLong framesProcessed = new AtomicLong();
    private final AtomicLong videoFramesProcessed = new AtomicLong();
    private final List<Consumer<String>> progress = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "patrol-dispatch"));
    private final Thread frameLoop;
    private final Instant startedAt;
    private volatile boolean running = true;

    /** One patrol's planned sorties and its plan (for the covered-area figures). */
    private record PatrolRun(PatrolDefinition patrol, Plan plan, Instant dueAt) {
    }

    /** A sortie of a patrol, queued or flying. */
    private record Task(PatrolDefinition patrol, Sortie sortie) {
    }

    /**
     * A dock's waiting sorties, one queue per patrol, served in turn so that the forestry patrol does
     * not starve the water patrol sharing the dock.
     */
    private static final class DockQueue {
        private final Map<String, Deque<Task>> byPatrol = new LinkedHashMap<>();
        private final Deque<String> turn = new ArrayDeque<>();

        void add(Task t) {
            byPatrol.computeIfAbsent(t.patrol().id(), k -> {
                turn.addLast(k);
                return new ArrayDeque<>();
            }).addLast(t);
        }

        void putBack(Task t) {
            byPatrol.computeIfAbsent(t.patrol().id(), k -> {
                turn.addFirst(k);
                return new ArrayDeque<>();
            }).addFirst(t);
        }

        Task peek() {
            for (String p : turn) {
                Deque<Task> q = byPatrol.get(p);
                if (!q.isEmpty()) {
                    return q.peekFirst();
                }
            }
            return null;
        }

        Task poll() {
            for (int i = 0; i < turn.size(); i++) {
                String p = turn.pollFirst();
                turn.addLast(p);
                Deque<Task> q = byPatrol.get(p);
                if (!q.isEmpty()) {
                    return q.pollFirst();
                }
            }
            return null;
        }

        int size() {
            return byPatrol.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** A sortie in the air (or being launched) and what the drone did so far. */
    private static final class Flight {
        final Task task;
        volatile Instant startedAt;
        volatile boolean airborne;
        volatile boolean resumePending;
        volatile int lastCompleted = -1;
        final int total;

        Flight(Task task, Instant startedAt, int total) {
            this.task = task;
            this.startedAt = startedAt;
            this.total = total;
        }
    }

    /**
     * @param areaPlan       the whole area's plan; its grid names the cells patrols may target
     * @param planParameters how each patrol is planned (aircraft, camera, overlap)
     */
    public PatrolStation(String stationId, AssetSet assets, Plan areaPlan, PlanParameters planParameters, ProfileCatalog catalog,
                         PatrolPlan patrols, Fleet fleet, AlertService alerts, FrameSource frames, VisionPipeline vision,
                         Clock clock) {
        this.stationId = stationId;
        this.assets = assets;
        this.areaPlan = areaPlan;
        this.planParameters = planParameters;
        this.catalog = catalog;
        this.schedule = new PatrolSchedule(patrols.patrols(), patrols.zone());
        patrols.patrols().forEach(p -> patrolsById.put(p.id(), p));
        this.fireDanger = patrols.fireDanger();
        this.fleet = fleet;
        this.alerts = alerts;
        this.progressStore = new PatrolProgressStore(alerts.store().database());
        this.frames = frames;
        this.vision = vision;
        this.clock = clock;
        this.fence = NoFlyFence.of(assets);
        this.startedAt = clock.instant();
        this.frameLoop = new Thread(this::processFrames, "patrol-frames");
        this.frameLoop.setDaemon(true);
        // fail at start, not at the first due time, when a patrol names a target the area lacks
        patrols.patrols().forEach(p -> PatrolArea.select(p, assets, areaPlan.grid()));
        // a restart resumes the schedule where the store says it stood: an immediate patrol already
        // started is not flown again, a periodic one counts from its last start
        schedule.restore(progressStore.lastStarts());
    }

    /**
     * Reports the sorties that were flying when the station last stopped (killed or crashed): each
     * becomes an "interrupted by station stop" line in this run's report, with the last item reached.
     * Their drones are not flown on from there automatically: the station cannot know where a drone
     * went while nobody watched it, so the operator decides.
     */
    private void reportSortiesInterruptedByStop(Instant now) {
        for (PatrolProgressStore.SortieRecord s : progressStore.takeInterruptedByStop(now)) {
            flown.add(new PatrolReport.SortieSummary(s.vehicle(), "", s.sortieId(), s.updatedAt(), now,
                    Math.max(0, s.lastItem() + 1), s.itemsTotal(), "interrupted by station stop"));
            say(String.format("sortie %s on %s was flying when the station stopped, done to item %d of %d; "
                    + "check the drone before it flies again", s.sortieId(), s.vehicle(), s.lastItem(), s.itemsTotal()));
        }
    }

    /** Progress lines a person can read ("drone-2 launched sortie S07 for forest-changle"). */
    public void onProgress(Consumer<String> listener) {
        progress.add(listener);
    }

    public void setFireDanger(FireDanger level) {
        this.fireDanger = level;
    }

    public void start() {
        reportSortiesInterruptedByStop(clock.instant());
        // on the dispatch thread, like every other change of the queues
        ticker.execute(() -> resumeQueuedSorties(clock.instant()));
        frameLoop.start();
        ticker.scheduleWithFixedDelay(this::tick, 0, 500, TimeUnit.MILLISECONDS);
        // tracks sampled faster than dispatch: at 20x a drone covers 100 m of ground in half a
        // second, and the covered-area figure is drawn from these points
        ticker.scheduleWithFixedDelay(this::sampleTracks, 50, 100, TimeUnit.MILLISECONDS);
    }

    /** Progress goes to the listeners only: the demo prints it, the station service logs it. */
    private void say(String line) {
        progress.forEach(p -> p.accept(line));
    }

    // ---- dispatch (the dispatch thread only) ---------------------------------------------------

    private void tick() {
        try {
            Instant now = clock.instant();
            for (Flight f; (f = launchFailed.poll()) != null; ) {
                queue(f.task.sortie().dockId()).putBack(f.task);
            }
            for (PatrolDefinition p : schedule.due(now, fireDanger)) {
                plan(p, now);
            }
            for (Drone d : fleet.drones()) {
                watch(d, now);
            }
            waiting = queues.values().stream().mapToInt(DockQueue::size).sum();
        } catch (RuntimeException e) {
            // one bad tick must not stop the station; the next tick tries again
            LOG.error("patrol dispatch failed this tick: {}", e.getMessage(), e);
        }
    }

    private void plan(PatrolDefinition p, Instant now) {
        schedule.started(p.id(), now);
        Plan plan;
        try {
            plan = Planner.plan(PatrolArea.select(p, assets, areaPlan.grid()), planParameters, catalog, ProgressListener.NONE);
        } catch (RuntimeException e) {
            progressStore.recordRun(p.id(), now, 0);
            say("patrol " + p.id() + " due but cannot be planned: " + e.getMessage());
            return;
        }
        if (plan.sorties().isEmpty()) {
            progressStore.recordRun(p.id(), now, 0);
            say(String.format("patrol %s due but plans no sortie for aircraft %s: nothing of its target is within reach of a dock,"
                    + " or the target is empty; it waits for its next due time", p.id(), planParameters.aircraftId()));
            return;
        }
        // committed before any sortie is queued: a station stopped after this line does not start the
        // run again, and launches on its next start the sorties this one had not launched
        progressStore.recordRun(p.id(), now, plan.sorties().size(),
                plan.sorties().stream().map(s -> p.id() + "/" + s.id()).toList());
        queueRun(p, plan, now, null);
        Map<String, Long> perDock = new TreeMap<>();
        plan.sorties().forEach(s -> perDock.merge(s.dockId(), 1L, Long::sum));
        say(String.format("patrol %s due (%s): %d sorties, %.0f min of flight, %s", p.id(), String.join(", ", p.agencies()),
                plan.sorties().size(), plan.sorties().stream().mapToDouble(Sortie::flightTimeS).sum() / 60, perDock));
    }

    /** Queues a run's sorties; only those named in {@code only} when it is not null (a resumed run). */
    private int queueRun(PatrolDefinition p, Plan plan, Instant startedAt, Set<String> only) {
        runs.put(p.id(), new PatrolRun(p, plan, startedAt));
        int queued = 0;
        for (Sortie s : plan.sorties()) {
            Sortie named = new Sortie(p.id() + "/" + s.id(), s.dockId(), s.aircraftId(), s.waypoints(), s.lengthM(),
                    s.flightTimeS(), s.maxRangeM(), s.photoCount(), s.inspectionPoints(), s.agencies(), s.assetIds());
            if (only == null || only.contains(named.id())) {
                queue(s.dockId()).add(new Task(p, named));
                queued++;
            }
        }
        return queued;
    }

    /**
     * Queues again the sorties of runs the station stopped before launching them (stored as
     * queued). The patrol is planned again from the same area and parameters, which gives the same
     * sorties; a stored sortie the new plan lacks is reported, not guessed at.
     */
    private void resumeQueuedSorties(Instant now) {
        Map<String, Set<String>> byPatrol = new LinkedHashMap<>();
        // waiting: a launch that failed or a drone fault had put it back in its dock's queue
        for (var state : List.of(PatrolProgressStore.SortieState.QUEUED, PatrolProgressStore.SortieState.WAITING)) {
            for (PatrolProgressStore.SortieRecord s : progressStore.sortiesIn(state)) {
                byPatrol.computeIfAbsent(s.patrolId(), k -> new HashSet<>()).add(s.sortieId());
            }
        }
        byPatrol.forEach((patrolId, ids) -> {
            PatrolDefinition p = patrolsById.get(patrolId);
            if (p == null) {
                say("patrol " + patrolId + " left " + ids.size() + " sortie(s) unlaunched when the station stopped, "
                        + "but the patrols file no longer has it; they are not flown");
                return;
            }
            try {
                Plan plan = Planner.plan(PatrolArea.select(p, assets, areaPlan.grid()), planParameters, catalog,
                        ProgressListener.NONE);
                int queued = queueRun(p, plan, now, ids);
                say("patrol " + patrolId + ": " + queued + " sortie(s) its run had not launched when the station stopped"
                        + " are queued again" + (queued < ids.size() ? "; " + (ids.size() - queued)
                        + " are not in today's plan of it and are not flown" : ""));
            } catch (RuntimeException e) {
                say("patrol " + patrolId + ": its unlaunched sorties cannot be planned again: " + e.getMessage());
            }
        });
    }

    private void sampleTracks() {
        try {
            for (Drone d : fleet.drones()) {
                DroneSnapshot snap = d.snapshot();
                boolean flying = snap.state() == DroneState.AIRBORNE || snap.state() == DroneState.RETURNING;
                if (flying && !snap.linkLost() && snap.telemetry() != null && snap.telemetry().position() != null) {
                    var pos = snap.telemetry().position();
                    List<double[]> track = tracks.computeIfAbsent(d.systemId(), k -> new CopyOnWriteArrayList<>());
                    double[] last = track.isEmpty() ? null : track.get(track.size() - 1);
                    if (last == null || last[0] != pos.lonDeg() || last[1] != pos.latDeg()) {
                        track.add(new double[] {pos.lonDeg(), pos.latDeg()});
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("track sample skipped: {}", e.getMessage());
        }
    }

    private DockQueue queue(String dockId) {
        return queues.computeIfAbsent(dockId, k -> new DockQueue());
    }

    private void watch(Drone d, Instant now) {
        DroneSnapshot snap = d.snapshot();
        boolean flying = snap.state() == DroneState.AIRBORNE || snap.state() == DroneState.RETURNING;
        boolean home = snap.state() == DroneState.DOCKED || snap.state() == DroneState.CHARGING || snap.state() == DroneState.LANDED;
        Flight f = flights.get(d.systemId());
        if (f != null && f.resumePending) {
            if (snap.state() == DroneState.FAULT) {
                flights.remove(d.systemId());
                queue(f.task.sortie().dockId()).putBack(f.task);
                say(name(d) + " fault before resuming " + f.task.sortie().id() + ": " + snap.faultReason()
                        + "; the whole sortie waits for the dock's next flight");
            } else if (home && readyToLaunch(d, snap, f.task)) {
                f.resumePending = false;
                f.startedAt = now;
                recordSortie(d, f, PatrolProgressStore.SortieState.FLYING, now);
                say(name(d) + " resuming sortie " + f.task.sortie().id() + " after item " + f.lastCompleted);
                d.resumeSortie(launchBatteryPct(f.task)).whenComplete((ok, err) -> {
                    if (err != null) {
                        f.resumePending = true;
                        say(name(d) + " could not resume " + f.task.sortie().id() + ": " + rootMessage(err));
                    }
                });
            }
            return;
        }
        if (f != null) {
            if (flying) {
                f.airborne = true;
            }
            if (snap.lastCompletedSeq() > f.lastCompleted) {
                f.lastCompleted = snap.lastCompletedSeq();
                progressStore.reached(f.task.sortie().id(), f.lastCompleted, now);
            }
            if (f.airborne && home) {
                // the last item is the landing; a drone that came home without reaching it stopped short
                boolean complete = f.lastCompleted >= f.total - 2;
                flown.add(new PatrolReport.SortieSummary(name(d), d.dock().id(), f.task.sortie().id(), f.startedAt, now,
                        Math.max(0, f.lastCompleted + 1), f.total, complete ? "completed" : "interrupted"));
                recordSortie(d, f, complete ? PatrolProgressStore.SortieState.COMPLETED
                        : PatrolProgressStore.SortieState.INTERRUPTED, now);
                if (complete) {
                    flights.remove(d.systemId());
                    say(name(d) + " back in " + d.dock().id() + " after sortie " + f.task.sortie().id());
                } else {
                    f.airborne = false;
                    f.resumePending = true;
                    say(name(d) + " back in " + d.dock().id() + " with sortie " + f.task.sortie().id() + " done to item "
                            + f.lastCompleted + " of " + f.total + "; it resumes from there once the dock is ready");
                }
            } else if (snap.state() == DroneState.FAULT) {
                flights.remove(d.systemId());
                recordSortie(d, f, PatrolProgressStore.SortieState.WAITING, now);
                queue(f.task.sortie().dockId()).putBack(f.task);
                say(name(d) + " fault during sortie " + f.task.sortie().id() + ": " + snap.faultReason()
                        + "; the sortie waits for the dock's next flight");
            }
            return;
        }
        DockQueue q = queues.get(d.dock().id());
        Task next = q == null ? null : q.peek();
        if (next != null && !home) {
            noteWait(d, next.patrol(), snap.linkLost() ? "no link" : snap.state() == DroneState.FAULT ? "fault: " + snap.faultReason()
                    : "the drone is " + snap.state().name().toLowerCase(java.util.Locale.ROOT) + ", not in its dock");
        }
        if (next == null || !home || !readyToLaunch(d, snap, next)) {
            return;
        }
        LaunchBackOff backOff = launchBackOff.get(d.systemId());
        if (backOff != null && now.isBefore(backOff.notBefore())) {
            return;
        }
        q.poll();
        var items = MissionItems.of(next.sortie(), areaPlan.aircraft().autopilot());
        Flight flight = new Flight(next, now, items.size());
        flights.put(d.systemId(), flight);
        recordSortie(d, flight, PatrolProgressStore.SortieState.FLYING, now);
        say(String.format("%s launching sortie %s from %s (%d items, %.0f min, for %s)", name(d), next.sortie().id(),
                d.dock().id(), items.size(), next.sortie().flightTimeS() / 60, String.join(", ", next.sortie().agencies())));
        d.launch(items, fence, launchBatteryPct(next)).whenComplete((ok, err) -> {
            if (err != null) {
                // handed back to the dispatch thread, which puts it at the head of the dock's queue
                flights.remove(d.systemId(), flight);
                recordSortie(d, flight, PatrolProgressStore.SortieState.WAITING, clock.instant());
                launchFailed.add(flight);
                String why = rootMessage(err);
                LaunchBackOff b = launchBackOff.merge(d.systemId(), LaunchBackOff.first(why, clock.instant()),
                        (old, fresh) -> old.again(why, clock.instant()));
                // said once per reason; the same failure again only backs off further
                if (b.failures() == 1 || !why.equals(b.previousReason())) {
                    say(String.format("%s could not launch %s: %s; next try in %d s", name(d), next.sortie().id(), why,
                            b.delay().toSeconds()));
                }
            } else {
                launchBackOff.remove(d.systemId());
            }
        });
    }

    private void recordSortie(Drone d, Flight f, PatrolProgressStore.SortieState state, Instant now) {
        try {
            progressStore.sortie(f.task.sortie().id(), f.task.patrol().id(), name(d), state, f.total, f.lastCompleted, now);
        } catch (RuntimeException e) {
            LOG.error("sortie {} progress not stored: {}", f.task.sortie().id(), e.getMessage());
        }
    }

    /**
     * Battery a sortie needs at launch: its flight time on the aircraft's endurance plus the reserve
     * the plan kept, and never less than the patrol's own minimum. The planner sized the sortie for
     * a full battery, so a patrol minimum alone (60 % in the demo) would send a drone out on a
     * 17-minute sortie it cannot finish. Capped at 95 %: a charged battery often reads 97-99 %, and the
     * planner's reserve (20 % on most profiles) covers the difference.
     */
    private double launchBatteryPct(Task t) {
        return launchBatteryPct(areaPlan.aircraft(), t.sortie().flightTimeS(), t.patrol().minBatteryPct());
    }

    static double launchBatteryPct(AircraftProfile aircraft, double sortieFlightTimeS, double patrolMinPct) {
        double need = 100 * sortieFlightTimeS / (aircraft.enduranceMin() * 60) + aircraft.batteryReservePct();
        return Math.max(patrolMinPct, Math.min(MAX_LAUNCH_BATTERY_PCT, Math.ceil(need)));
    }

    /** Dock and drone ready for this sortie; says why not once each time the reason changes. */
    private boolean readyToLaunch(Drone d, DroneSnapshot snap, Task t) {
        PatrolDefinition p = t.patrol();
        double battery = snap.telemetry() == null || snap.telemetry().battery() == null ? -1 : snap.telemetry().battery().remainingPct();
        List<String> reasons = new ArrayList<>(d.dock().reasonsNotReady(d.systemId(), battery, launchBatteryPct(t)));
        if (snap.linkLost()) {
            reasons.add("no link");
        }
        noteWait(d, p, String.join("; ", reasons));
        return reasons.isEmpty();
    }

    /** Says why a drone is not launching, once each time the reason changes (see {@link WaitReasons}). */
    private void noteWait(Drone d, PatrolDefinition p, String why) {
        if (waitReasons.note(name(d), p.id(), why)) {
            say(name(d) + " waits for " + p.id() + ": " + why);
        }
    }

    /** Why each waiting drone is not launching its next sortie ("patrol: reason"), for the health line. */
    public Map<String, String> waitReasons() {
        return waitReasons.current();
    }

    private static String name(Drone d) {
        return "drone-" + d.systemId();
    }

    // ---- frames -> vision -> alerts -----------------------------------------------------------

    private void processFrames() {
        // before the drones are out: the first frames and the first alert are the ones that matter
        try {
            vision.warmUp(WARM_UP_WIDTH_PX, WARM_UP_HEIGHT_PX);
            alerts.warmUp();
        } catch (RuntimeException e) {
            // the same failure will show on the first real frame or alert, where it is reported
            LOG.warn("warming up vision and alerts: {}", e.toString());
        }
        while (running) {
            Optional<Frame> next;
            try {
                next = frames.next();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("frame source: {}", e.getMessage());
                continue;
            }
            if (next.isEmpty()) {
                return;
            }
            long receivedUs = micros();
            // the camera's capture time when its clock agrees with ours (the simulator's, an NTP-synced
            // drone), so the latency includes encoding, transport and decoding; else arrival here
            long capturedAgoUs = Duration.between(next.get().timestamp(), clock.instant()).toNanos() / 1000;
            long startUs = capturedAgoUs >= 0 && capturedAgoUs < 60_000_000L ? receivedUs - capturedAgoUs : receivedUs;
            var pose = next.get().pose();
            if (pose != null && pose.altitudeAmslM() - pose.groundAltitudeAmslM() < MIN_ANALYSED_HEIGHT_M) {
                // taking off from or landing in the dock: the view is of the dock and its pad, close up,
                // not of the patrolled area, and the detectors were not made for it
                continue;
            }
            try {
                List<IncidentUpdate> updates = vision.track(next.get());
                long analysedUs = micros();
                frameTimings.add(next.get().isThermal(), receivedUs - startUs, analysedUs - receivedUs);
                for (IncidentUpdate u : updates) {
                    raise(u.incident(), startUs, receivedUs, analysedUs, next.get().isThermal());
                }
                framesProcessed.incrementAndGet();
                if (!next.get().isThermal()) {
                    videoFramesProcessed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // a frame the detectors cannot handle is skipped; the stream goes on
                LOG.warn("frame {} skipped: {}", next.get().sequence(), e.getMessage());
            }
        }
    }

    private void raise(Incident inc, long frameUs, long receivedUs, long analysedUs, boolean thermalFrame) {
        if (!inc.isGeoreferenced()) {
            return;
        }
        Double last = reportedConfidence.get(inc.id());
        // the first sighting alerts at once; later ones only when they change the picture, so a fire
        // seen in 50 frames is one alert with a few updates, not 50
        if (last != null && inc.confidence() < last + alertUpdateStep) {
            return;
        }
        HazardKind kind = switch (inc.kind()) {
            case FIRE -> HazardKind.FIRE;
            case SMOKE -> HazardKind.SMOKE;
            case HOTSPOT -> HazardKind.HOTSPOT;
            case FLOOD -> HazardKind.FLOOD;
        };
        HazardSeverity severity = switch (inc.kind()) {
            case FIRE, FLOOD -> HazardSeverity.SEVERE;
            case SMOKE -> HazardSeverity.MODERATE;
            case HOTSPOT -> HazardSeverity.MINOR;
        };
        Double peak = Double.isFinite(inc.peakTemperatureC()) && inc.peakTemperatureC() > -273 ? inc.peakTemperatureC() : null;
        String text = inc.kind().name().toLowerCase() + " seen " + inc.sightings() + " times"
                + (peak == null ? "" : String.format(", peak %.0f C", peak));
        HazardReport report = new HazardReport(inc.id(), kind, severity, Math.min(1, inc.confidence()),
                new GeoPoint(inc.position().latDeg(), inc.position().lonDeg()), List.of(), 30, peak,
                inc.evidenceJpeg(), inc.lastSeen(), text);
        var incident = alerts.report(report);
        reportedConfidence.put(inc.id(), inc.confidence());
        alertIncidentOf.put(inc.id(), incident.id());
        long latency = micros() - frameUs;
        latencies.add(new AlertLatency(inc.kind().name().toLowerCase(), thermalFrame, latency, receivedUs - frameUs,
                analysedUs - receivedUs));
        say(String.format("%s %s at %.5f, %.5f (confidence %.2f) -> incident %s, %s, frame-to-alert %d ms",
                last == null ? "new" : "updated", inc.kind().name().toLowerCase(), inc.position().latDeg(),
                inc.position().lonDeg(), inc.confidence(), incident.id(), incident.state().name().toLowerCase(),
                latency / 1000));
    }

    private static long micros() {
        return System.nanoTime() / 1000;
    }

    // ---- what the station did ----------------------------------------------------------------

    public long framesProcessed() {
        return framesProcessed.get();
    }

    /** Of {@link #framesProcessed()}, the RGB video frames. */
    public long videoFramesProcessed() {
        return videoFramesProcessed.get();
    }

    /**
     * How much a sighting's confidence must rise before its alert is updated (default 0.1). A
     * benchmark sets 0 so that every sighting of a hazard is stored as a revision and timed.
     */
    public void setAlertUpdateStep(double step) {
        if (!(step >= 0 && step <= 1)) {
            throw new IllegalArgumentException("alert update step must be from 0 to 1, got " + step);
        }
        alertUpdateStep = step;
    }

    /** Where each analysed frame's time went: arrival and queueing, then analysis. */
    public FrameTimings frameTimings() {
        return frameTimings;
    }

    /** Frame-to-alert latency of every alert and update sent, with the kind of frame that raised it. */
    public List<AlertLatency> latencies() {
        return List.copyOf(latencies);
    }

    /**
     * @param thermal        true when a radiometric frame raised the alert, false for an RGB video
     *                       frame (which also carries the video encoder's and decoder's delay)
     * @param micros         from the frame's capture to the alert stored and queued for MQTT
     * @param arrivalMicros  of those, from capture until the frame reached the station (the camera's
     *                       own processing, encoding, transport, decoding, and the wait behind
     *                       earlier frames in the station's queue)
     * @param analysisMicros of those, the detectors and the tracker on this frame; the rest (micros
     *                       minus arrival minus analysis) is storing the alert and queueing it for MQTT
     */
    public record AlertLatency(String hazard, boolean thermal, long micros, long arrivalMicros, long analysisMicros) {
        public long storeMicros() {
            return micros - arrivalMicros - analysisMicros;
        }
    }

    public List<PatrolReport.SortieSummary> sortiesFlown() {
        return List.copyOf(flown);
    }

    /** Drones whose last launch failed, with the sentence and when the next try is (for the health line and the console). */
    public Map<Integer, String> launchProblems() {
        Map<Integer, String> out = new TreeMap<>();
        Instant now = clock.instant();
        launchBackOff.forEach((id, b) -> out.put(id, String.format("launch failed %d time%s: %s; next try in %d s", b.failures(),
                b.failures() == 1 ? "" : "s", b.reason(), Math.max(0, Duration.between(now, b.notBefore()).toSeconds()))));
        return out;
    }

    public int sortiesWaiting() {
        return waiting;
    }

    public int sortiesInFlight() {
        return flights.size();
    }

    public PatrolReport report() {
        List<PatrolReport.IncidentSummary> incidents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String alertId : alertIncidentOf.values()) {
            if (!seen.add(alertId)) {
                continue;
            }
            alerts.incident(alertId).ifPresent(i -> {
                var records = alerts.alerts(i.id());
                List<String> agencies = records.stream().map(r -> r.agency()).distinct().toList();
                List<String> acked = alerts.history(i.id()).stream()
                        .filter(e -> e.state() == IncidentState.ACKNOWLEDGED && e.agency() != null)
                        .map(e -> e.agency()).distinct().toList();
                HazardReport r = i.report();
                incidents.add(new PatrolReport.IncidentSummary(i.id(), r.kind().name(), r.position().latDeg(),
                        r.position().lonDeg(), r.confidence(), i.state().name(), agencies, records.size(), acked));
            });
        }
        List<PatrolReport.AreaCoverage> coverage = coverage();
        List<PatrolReport.Track> trackList = new ArrayList<>();
        tracks.forEach((id, pts) -> trackList.add(new PatrolReport.Track("drone-" + id, pts)));
        return new PatrolReport(stationId, startedAt, clock.instant(), flown, coverage, incidents, trackList);
    }

    /**
     * Covered area measured from where the drones flew: each track as a line, buffered by half the
     * camera's swath, intersected with the patrol's target area and with each whole asset patrolled.
     */
    private List<PatrolReport.AreaCoverage> coverage() {
        LocalProjection proj = areaPlan.projection();
        GeometryFactory gf = new GeometryFactory();
        List<Geometry> swept = new ArrayList<>();
        for (List<double[]> pts : tracks.values()) {
            if (pts.size() < 2) {
                continue;
            }
            Coordinate[] cs = pts.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new);
            swept.add(proj.toLocal(gf.createLineString(cs)).buffer(areaPlan.swathWidthM() / 2, 2));
        }
        Geometry seen = swept.isEmpty() ? gf.createPolygon() : UnaryUnionOp.union(swept);
        List<PatrolReport.AreaCoverage> out = new ArrayList<>();
        Map<String, Geometry> wholeAssets = new LinkedHashMap<>();
        for (PatrolRun run : runs.values()) {
            List<Geometry> targets = new ArrayList<>();
            for (var c : run.plan().coverage()) {
                targets.add(proj.toLocal(run.plan().projection().toWgs84(c.targetLocal())));
                assets.byId(c.assetId()).ifPresent(a -> wholeAssets.putIfAbsent(a.id(), proj.toLocal(a.geometry())));
            }
            if (targets.isEmpty()) {
                continue;
            }
            Geometry target = UnaryUnionOp.union(targets);
            out.add(new PatrolReport.AreaCoverage(run.patrol().id(), run.patrol().name(), target.getArea(),
                    OverlayNGRobust.overlay(target, seen, OverlayNG.INTERSECTION).getArea()));
        }
        wholeAssets.forEach((id, g) -> out.add(new PatrolReport.AreaCoverage(id,
                assets.byId(id).map(Asset::name).orElse(id) + " (whole)", g.getArea(),
                OverlayNGRobust.overlay(g, seen, OverlayNG.INTERSECTION).getArea())));
        return out;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * The first step of an orderly stop (Ctrl-C, SIGTERM, end of {@code --duration}): no sortie is
     * launched or resumed from now on. A sortie in the air is listed in the report as in flight at
     * the stop, and stays stored as flying, so the next start reports where it stood.
     */
    public void stopLaunching() {
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the dispatch thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        flights.forEach((systemId, f) -> flown.add(new PatrolReport.SortieSummary("drone-" + systemId,
                f.task.sortie().dockId(), f.task.sortie().id(), f.startedAt, now, Math.max(0, f.lastCompleted + 1), f.total,
                "in flight when the station stopped")));
        say("stopping: no new launches; " + flights.size() + " sortie(s) in flight, " + waiting + " waiting");
    }

    @Override
    public void close() {
        running = false;
        ticker.shutdownNow();
        frameLoop.interrupt();
    }
}
