package org.skyshare.station.fleet;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.link.FenceZone;
import org.skyshare.station.link.FlightMode;
import org.skyshare.station.link.LandedState;
import org.skyshare.station.link.LinkException;
import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.MissionComparison;
import org.skyshare.station.link.TelemetrySnapshot;
import org.skyshare.station.link.VehicleLink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One docked drone: its link, its dock, and the state machine the station keeps for it. The state
 * follows the vehicle's telemetry ({@link #update()} runs every 100 ms from the {@link Fleet});
 * while the link is lost the last state stays and {@code linkLost} is set, and when heartbeats return
 * the drone resynchronises mission progress from the vehicle before trusting it again.
 */
public final class Drone {
    private static final double IN_DOCK_M = 5;
    private static final double FULL_PCT = 99;

    private final VehicleLink link;
    private final Dock dock;
    private final Consumer<DroneEvent> events;
    private volatile DroneState state = DroneState.DOCKED;
    private volatile boolean linkLost;
    private volatile boolean preparing;
    /** Set when a launch has been commanded; until telemetry shows the drone in the air, stale ground reports are ignored. */
    private volatile long launchedAtNs;
    private static final long TAKEOFF_GRACE_NS = 15_000_000_000L;
    private static final long ARM_READY_TIMEOUT_NS = 60_000_000_000L;
    private static final long ARM_RETRY_MS = 2000;
    private volatile String faultReason;
    private volatile List<MissionItem> sortie = List.of();
    private volatile int lastCompleted = -1;
    private volatile FailsafeSettings failsafes = FailsafeSettings.RETURN_ON_LINK_LOSS;
    private final List<DroneState> history = new ArrayList<>();

    Drone(VehicleLink link, Dock dock, Consumer<DroneEvent> events) {
        this.link = link;
        this.dock = dock;
        this.events = events;
        dock.aircraftIn(link.systemId(), false);
        history.add(state);
        link.telemetry().onMissionItemReached(seq -> lastCompleted = Math.max(lastCompleted, seq));
        link.telemetry().onStatusText(t -> events.accept(new DroneEvent(link.systemId(), DroneEvent.Kind.STATUS_TEXT, state, t.text())));
        link.onStatus(this::onLinkStatus);
    }

    public int systemId() {
        return link.systemId();
    }

    public VehicleLink link() {
        return link;
    }

    public Dock dock() {
        return dock;
    }

    public DroneState state() {
        return state;
    }

    public boolean linkLost() {
        return linkLost;
    }

    public List<MissionItem> sortie() {
        return sortie;
    }

    /** Every state this drone has been in, in order (for the console's timeline and for tests). */
    public synchronized List<DroneState> history() {
        return List.copyOf(history);
    }

    public void useFailsafes(FailsafeSettings settings) {
        failsafes = settings;
    }

    public DroneSnapshot snapshot() {
        TelemetrySnapshot t = link.telemetry().latest();
        return new DroneSnapshot(link.systemId(), dock.id(), state, link.health().status(), linkLost, t, t.mission(),
                lastCompleted, faultReason);
    }

    // ---- operations -------------------------------------------------------------------------

    /**
     * Launches a sortie: checks the dock, sets the failsafes, uploads the geofence and the mission,
     * reads the mission back and compares it, opens the lid, arms and starts. Completes when the
     * mission has started; fails with a sentence naming the step.
     */
    public CompletableFuture<Void> launch(List<MissionItem> items, List<FenceZone> fence, double minBatteryPct) {
        TelemetrySnapshot t = link.telemetry().latest();
        double battery = t.battery() == null ? -1 : t.battery().remainingPct();
        List<String> reasons = dock.reasonsNotReady(systemId(), battery, minBatteryPct);
        if (state != DroneState.DOCKED && state != DroneState.CHARGING) {
            reasons = new ArrayList<>(reasons);
            reasons.add("drone is " + state);
        }
        if (linkLost || link.health().status() != LinkStatus.CONNECTED) {
            reasons = new ArrayList<>(reasons);
            reasons.add("no link");
        }
        if (!reasons.isEmpty()) {
            return CompletableFuture.failedFuture(new LinkException("drone " + systemId() + " cannot launch: " + String.join("; ", reasons)));
        }
        sortie = List.copyOf(items);
        lastCompleted = -1;
        preparing = true;
        setState(DroneState.PREFLIGHT);
        return failsafes.apply(link.params(), link.autopilot())
                .thenCompose(v -> fence.isEmpty() ? link.geofence().clear() : link.geofence().upload(fence))
                .thenCompose(v -> link.mission().upload(sortie))
                .thenCompose(v -> link.mission().download())
                .thenCompose(readBack -> {
                    checkSame(sortie, readBack);
                    return startFrom(0);
                })
                .whenComplete((v, e) -> launchDone(e));
    }

    /**
     * After a battery swap (or a recharge), flies the rest of the sortie from the first item after
     * the last one completed. Re-uploads the sortie if the vehicle no longer holds it.
     */
    public CompletableFuture<Void> resumeSortie(double minBatteryPct) {
        if (sortie.isEmpty()) {
            return CompletableFuture.failedFuture(new LinkException("drone " + systemId() + " has no sortie to resume"));
        }
        TelemetrySnapshot t = link.telemetry().latest();
        double battery = t.battery() == null ? -1 : t.battery().remainingPct();
        List<String> reasons = dock.reasonsNotReady(systemId(), battery, minBatteryPct);
        if (!reasons.isEmpty() || !(state == DroneState.DOCKED || state == DroneState.CHARGING)) {
            return CompletableFuture.failedFuture(new LinkException("drone " + systemId() + " cannot resume: state " + state
                    + (reasons.isEmpty() ? "" : "; " + String.join("; ", reasons))));
        }
        int next = resumeIndex();
        preparing = true;
        setState(DroneState.PREFLIGHT);
        return failsafes.apply(link.params(), link.autopilot())
                .thenCompose(v -> link.mission().download())
                .thenCompose(onVehicle -> sameItems(sortie, onVehicle) ? CompletableFuture.completedFuture(null)
                        : link.mission().upload(sortie))
                .thenCompose(v -> startFrom(next))
                .whenComplete((v, e) -> launchDone(e));
    }

    /** The item to restart at: after the last completed one, skipping back to a flyable item. */
    int resumeIndex() {
        int next = lastCompleted + 1;
        List<MissionItem> s = sortie;
        if (next >= s.size()) {
            return s.size() - 1;
        }
        return Math.max(0, next);
    }

    private CompletableFuture<Void> startFrom(int seq) {
        dock.openLid();
        return link.mission().setCurrent(seq)
                .thenCompose(v -> armWhenReady(System.nanoTime() + ARM_READY_TIMEOUT_NS, null))
                .thenCompose(v -> {
                    dock.aircraftLeft(systemId());
                    return link.action().startMission();
                });
    }

    /**
     * Arms, asking again every {@link #ARM_RETRY_MS} while the firmware refuses: ArduPilot's pre-arm
     * checks and PX4's estimator (about 35 s after a cold start) refuse until the vehicle has
     * settled. Gives up at the deadline with the firmware's last word on why.
     */
    private CompletableFuture<Void> armWhenReady(long deadlineNs, Throwable lastRefusal) {
        if (System.nanoTime() > deadlineNs) {
            var text = link.telemetry().latest().lastStatusText();
            return CompletableFuture.failedFuture(new LinkException(String.format("drone %d not ready to arm after %d s: %s%s",
                    systemId(), ARM_READY_TIMEOUT_NS / 1_000_000_000L, rootMessage(lastRefusal),
                    text == null ? "" : " (the vehicle last said: " + text.text() + ")")));
        }
        return link.action().arm().handle((v, e) -> e).thenCompose(e -> {
            if (e == null) {
                return CompletableFuture.completedFuture(null);
            }
            String why = rootMessage(e);
            if (!why.contains("refused")) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(ARM_RETRY_MS, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(x -> armWhenReady(deadlineNs, e));
        });
    }

    private static String rootMessage(Throwable e) {
        if (e == null) {
            return "";
        }
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage());
    }

    private void launchDone(Throwable e) {
        if (e == null) {
            // heartbeats and landed state come at 1 Hz: stay in PREFLIGHT until the drone is seen in the air
            launchedAtNs = System.nanoTime();
            return;
        }
        preparing = false;
        {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            faultReason = cause.getMessage();
            events.accept(new DroneEvent(systemId(), DroneEvent.Kind.ERROR, state, cause.getMessage()));
            if (!link.telemetry().latest().inAir()) {
                dock.closeLid();
                dock.aircraftIn(systemId(), false);
                link.action().disarm();
                setState(DroneState.DOCKED);
            }
        }
    }

    public CompletableFuture<Void> returnToDock() {
        return link.action().returnToLaunch();
    }

    public CompletableFuture<Void> hold() {
        return link.action().hold();
    }

    public CompletableFuture<Void> resume() {
        return link.action().resume();
    }

    private static void checkSame(List<MissionItem> sent, List<MissionItem> readBack) {
        MissionComparison.firstDifference(sent, readBack).ifPresent(d -> {
            throw new LinkException("mission read back from the vehicle differs from the one uploaded: " + d);
        });
    }

    static boolean sameItems(List<MissionItem> a, List<MissionItem> b) {
        return MissionComparison.same(a, b);
    }

    // ---- state machine ----------------------------------------------------------------------

    private void onLinkStatus(LinkStatus s) {
        if (s == LinkStatus.LOST) {
            linkLost = true;
            events.accept(new DroneEvent(systemId(), DroneEvent.Kind.LINK_LOST, state,
                    "link to drone " + systemId() + " lost; the autopilot's failsafe is in charge"));
        } else if (s == LinkStatus.CONNECTED && linkLost) {
            linkLost = false;
            resync();
            events.accept(new DroneEvent(systemId(), DroneEvent.Kind.LINK_RESTORED, state, "link to drone " + systemId() + " restored"));
        }
    }

    /** After a link loss: items reached while we were deaf are known only through MISSION_CURRENT. */
    private void resync() {
        int current = link.telemetry().latest().mission().current();
        if (!sortie.isEmpty() && current - 1 > lastCompleted) {
            lastCompleted = current - 1;
        }
        // the next telemetry messages (within a second) settle the state in update()
    }

    /** Advances the state machine from the latest telemetry; the fleet calls it periodically. */
    void update() {
        if (linkLost || link.health().status() != LinkStatus.CONNECTED) {
            return;
        }
        TelemetrySnapshot t = link.telemetry().latest();
        if (t.landedState() == LandedState.UNKNOWN || t.position() == null) {
            return;
        }
        int current = t.mission().current();
        if (!sortie.isEmpty() && state == DroneState.AIRBORNE && current - 1 > lastCompleted) {
            lastCompleted = current - 1;
        }
        boolean airborne = t.inAir() || t.position().relativeAltitudeM() > 1.0;
        if (preparing && launchedAtNs != 0 && (airborne || System.nanoTime() - launchedAtNs > TAKEOFF_GRACE_NS)) {
            preparing = false;
            launchedAtNs = 0;
        }
        if (airborne) {
            if (t.gps() != null && !t.gps().hasFix()) {
                fault("GPS lost in flight; the autopilot is landing where it is");
            } else if (t.flightMode() == FlightMode.RETURN
                    || (t.flightMode() == FlightMode.LAND && dock.distanceM(t.position().latDeg(), t.position().lonDeg()) < IN_DOCK_M * 4)) {
                setState(DroneState.RETURNING);
            } else if (state != DroneState.FAULT || faultReason == null || !faultReason.startsWith("GPS")) {
                setState(DroneState.AIRBORNE);
            }
            return;
        }
        if (t.armed()) {
            // armed on the ground after a flight is a touchdown the 1 Hz heartbeat has not caught up with
            boolean fromGround = state == DroneState.DOCKED || state == DroneState.CHARGING;
            if (!preparing && fromGround) {
                setState(DroneState.PREFLIGHT);
            }
            return;
        }
        if (preparing) {
            return;
        }
        double fromDock = dock.distanceM(t.position().latDeg(), t.position().lonDeg());
        if (fromDock > IN_DOCK_M) {
            fault(String.format("landed %.0f m from dock %s", fromDock, dock.id()));
            return;
        }
        double battery = t.battery() == null ? 100 : t.battery().remainingPct();
        switch (state) {
            case AIRBORNE, RETURNING, FAULT -> {
                dock.aircraftIn(systemId(), battery < FULL_PCT);
                setState(DroneState.LANDED);
            }
            case LANDED -> {
                dock.closeLid();
                setState(battery < FULL_PCT ? DroneState.CHARGING : DroneState.DOCKED);
            }
            case CHARGING -> {
                if (battery >= FULL_PCT) {
                    dock.chargingDone();
                    setState(DroneState.DOCKED);
                }
            }
            case PREFLIGHT -> setState(DroneState.DOCKED);
            default -> {
            }
        }
    }

    private void fault(String why) {
        faultReason = why;
        setState(DroneState.FAULT);
    }

    private void setState(DroneState s) {
        if (state == s) {
            return;
        }
        synchronized (this) {
            state = s;
            history.add(s);
        }
        if (s != DroneState.FAULT) {
            faultReason = null;
        }
        events.accept(new DroneEvent(systemId(), DroneEvent.Kind.STATE, s, faultReason == null ? s.name() : faultReason));
    }

    /** True for the items a drone flies to (used to report sortie progress in waypoints). */
    static boolean isWaypoint(MissionItem it) {
        return it.command() == MavCmd.NAV_WAYPOINT;
    }
}
