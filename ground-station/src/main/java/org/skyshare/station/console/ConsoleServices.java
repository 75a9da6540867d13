package org.skyshare.station.console;

import org.skyshare.station.console.alerts.AlertQueue;
import org.skyshare.station.console.fleet.FleetView;
import org.skyshare.station.console.live.FrameFeed;
import org.skyshare.station.console.map.TileSource;
import org.skyshare.station.console.plan.PlanService;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the console shows and acts on, handed in by whoever opens it: the console command
 * (files only, no fleet), the demo (simulated fleet) or the station (real fleet).
 *
 * @param assets   asset files loaded at start
 * @param basemap  offline or cached tiles, or null for a plain background
 * @param reviewer the name recorded with confirm/dismiss decisions
 */
public record ConsoleServices(List<Path> assets, PlanService planner, FleetView fleet, AlertQueue alerts,
                              FrameFeed frames, TileSource basemap, String reviewer) {
    public ConsoleServices {
        assets = List.copyOf(assets);
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(frames, "frames");
        reviewer = reviewer == null || reviewer.isBlank() ? System.getProperty("user.name", "operator") : reviewer;
    }

    /**
     * The console on a running station or the demo: the real fleet, alert service and frames.
     *
     * @param missions the sortie each drone ({@code drone-<system id>}) flies on Upload/Start
     * @param frames   where the station's frame receivers and vision pipeline push frames and detections
     */
    public static ConsoleServices forStation(List<Path> assets, org.skyshare.station.fleet.Fleet fleet,
                                             java.util.function.Function<String, List<org.skyshare.planner.mission.MissionItem>> missions,
                                             org.skyshare.station.alert.AlertService alerts, org.skyshare.station.routing.Router router,
                                             org.skyshare.station.console.live.LatestFrames frames, TileSource basemap, String reviewer) {
        return new ConsoleServices(assets, org.skyshare.station.console.plan.PlanServices.installed(),
                new org.skyshare.station.console.fleet.FleetAdapter(fleet, missions, 30),
                new org.skyshare.station.console.alerts.AlertServiceQueue(alerts, router), frames, basemap, reviewer);
    }

    public ConsoleServices withFleet(FleetView f) {
        return new ConsoleServices(assets, planner, f, alerts, frames, basemap, reviewer);
    }

    public ConsoleServices withAlerts(AlertQueue a) {
        return new ConsoleServices(assets, planner, fleet, a, frames, basemap, reviewer);
    }

    public ConsoleServices withFrames(FrameFeed f) {
        return new ConsoleServices(assets, planner, fleet, alerts, f, basemap, reviewer);
    }
}
