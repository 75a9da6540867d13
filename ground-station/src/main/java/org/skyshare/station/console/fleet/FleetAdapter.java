package org.skyshare.station.console.fleet;

import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.fleet.Dock;
import org.skyshare.station.fleet.Drone;
import org.skyshare.station.fleet.DroneSnapshot;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.link.LinkHealth;
import org.skyshare.station.link.MissionProgress;
import org.skyshare.station.link.TelemetrySnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The station's {@link Fleet} as the console's fleet view. Snapshots are read from the links'
 * latest telemetry (in memory); commands go through {@link Drone}, whose futures complete when
 * the vehicle answered. Drones are named {@code drone-<system id>}.
 */
public final class FleetAdapter implements FleetView {
    private final Fleet fleet;
    private final Function<String, List<MissionItem>> missions;
    private final double minBatteryPct;
    private final Map<Integer, double[]> lastFrames = new ConcurrentHashMap<>();
    private volatile List<PatrolEntry> patrols = List.of();

    /**
     * @param missions      the sortie a drone should fly when the operator presses Upload or Start
     *                      (the demo's or the patrol scheduler's assignment); empty when it has none
     * @param minBatteryPct the battery a launch needs
     */
    public FleetAdapter(Fleet fleet, Function<String, List<MissionItem>> missions, double minBatteryPct) {
        this.fleet = fleet;
        this.missions = missions;
        this.minBatteryPct = minBatteryPct;
    }

    /** Shows the patrol definitions of a schedule in the fleet panel. */
    public FleetAdapter withPatrols(List<org.skyshare.station.patrol.PatrolDefinition> definitions) {
        List<PatrolEntry> out = new ArrayList<>();
        for (var p : definitions) {
            String every = p.period() == null ? "once" : p.period().toString().substring(2).toLowerCase(Locale.ROOT)
                    + (p.raiseWithFireDanger() ? ", less in fire danger" : "");
            String window = p.window().equals(org.skyshare.station.patrol.TimeWindow.ALL_DAY) ? "all day"
                    : p.window().from() + "-" + p.window().to();
            out.add(new PatrolEntry(p.id(), p.name(), p.kind().name().toLowerCase(Locale.ROOT), p.agencies(), every, window));
        }
        patrols = List.copyOf(out);
        return this;
    }

    @Override
    public List<PatrolEntry> patrols() {
        return patrols;
    }

    public static String name(int systemId) {
        return "drone-" + systemId;
    }

    @Override
    public List<DockStatus> docks() {
        List<DockStatus> out = new ArrayList<>();
        for (Dock d : fleet.docks()) {
            String reason = "";
            for (Drone drone : fleet.drones()) {
                if (drone.dock() == d && d.aircraftInside().contains(drone.systemId())) {
                    TelemetrySnapshot t = drone.link().telemetry().latest();
                    double battery = t.battery() == null ? -1 : t.battery().remainingPct();
                    reason = String.join("; ", d.reasonsNotReady(drone.systemId(), battery, minBatteryPct));
                }
            }
            String state = d.charging() ? "charging" : "lid " + d.lid().name().toLowerCase(Locale.ROOT);
            out.add(new DockStatus(d.id(), state, d.latDeg(), d.lonDeg(), reason));
        }
        return out;
    }

    @Override
    public List<DroneStatus> drones() {
        List<DroneStatus> out = new ArrayList<>();
        for (DroneSnapshot s : fleet.snapshot()) {
            TelemetrySnapshot t = s.telemetry();
            double lat = t.position() != null ? t.position().latDeg() : Double.NaN;
            double lon = t.position() != null ? t.position().lonDeg() : Double.NaN;
            if (Double.isNaN(lat)) {
                Dock d = fleet.docks().stream().filter(k -> k.id().equals(s.dockId())).findFirst().orElse(null);
                lat = d == null ? 0 : d.latDeg();
                lon = d == null ? 0 : d.lonDeg();
            }
            String state = s.state().name().toLowerCase(Locale.ROOT) + (s.linkLost() ? " (link lost)" : "");
            MissionProgress p = s.progress();
            double progress = p == null || p.total() <= 0 ? Double.NaN
                    : 100.0 * Math.max(0, p.lastReached() + 1) / p.total();
            out.add(new DroneStatus(name(s.systemId()), s.dockId(), state, lat, lon,
                    t.position() == null ? 0 : t.position().relativeAltitudeM(),
                    t.attitude() == null ? 0 : t.attitude().yawDeg(),
                    t.battery() == null ? Double.NaN : t.battery().remainingPct(),
                    linkQuality(s.systemId()), progress, null));
        }
        return out;
    }

    /** Share of MAVLink frames received since the previous look that saw new frames; 0 when the link is down. */
    private double linkQuality(int systemId) {
        LinkHealth h = fleet.drone(systemId).link().health();
        if (h.status() != org.skyshare.station.link.LinkStatus.CONNECTED) {
            return 0;
        }
        double[] prev = lastFrames.getOrDefault(systemId, new double[] {0, 0, 100});
        double got = h.framesReceived() - prev[0];
        double lost = h.framesLost() - prev[1];
        if (got + lost <= 0) {
            return prev[2];
        }
        double q = 100.0 * got / (got + lost);
        lastFrames.put(systemId, new double[] {h.framesReceived(), h.framesLost(), q});
        return q;
    }

    @Override
    public CompletionStage<String> command(String droneId, FleetAction action) {
        try {
            Drone d = fleet.drone(Integer.parseInt(droneId.substring(droneId.lastIndexOf('-') + 1)));
            if (d == null) {
                throw new IllegalArgumentException("no drone named " + droneId);
            }
            CompletableFuture<Void> f = switch (action) {
                case UPLOAD -> d.link().mission().upload(mission(droneId));
                case START -> d.launch(mission(droneId), List.of(), minBatteryPct);
                case PAUSE -> d.hold();
                case RESUME -> d.resume();
                case RETURN_TO_DOCK -> d.returnToDock();
                case LAND -> d.link().action().land();
            };
            return f.thenApply(v -> "accepted");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<MissionItem> mission(String droneId) {
        List<MissionItem> m = missions.apply(droneId);
        if (m == null || m.isEmpty()) {
            throw new IllegalStateException(droneId + " has no sortie assigned; plan and assign one first");
        }
        return m;
    }
}
