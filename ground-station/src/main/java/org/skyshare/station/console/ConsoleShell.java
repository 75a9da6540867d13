package org.skyshare.station.console;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.skyshare.station.console.alerts.AlertsPanel;
import org.skyshare.station.console.alerts.ReviewItem;
import org.skyshare.station.console.fleet.DroneStatus;
import org.skyshare.station.console.fleet.FleetPanel;
import org.skyshare.station.console.live.LivePanel;
import org.skyshare.station.console.map.DroneMarker;
import org.skyshare.station.console.map.IncidentMarker;
import org.skyshare.station.console.map.MapCanvas;
import org.skyshare.station.console.map.MapLayer;
import org.skyshare.station.console.map.WebMercator;
import org.skyshare.station.console.plan.PlanPanel;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's main window content: the map in the middle, Plan / Fleet / Live / Alerts as tabs
 * on the right, layer switches on top and a status bar with progress below. Ctrl+1..4 switch
 * panels, Ctrl+M focuses the map, Ctrl+P plans.
 */
public final class ConsoleShell extends BorderPane {
    public static final double PANEL_WIDTH = 460;
    private final ConsoleServices services;
    private final BackgroundWork work = new BackgroundWork();
    private final MapCanvas map = new MapCanvas();
    private final TabPane tabs = new TabPane();
    private final PlanPanel plan;
    private final FleetPanel fleet;
    private final LivePanel live;
    private final AlertsPanel alerts;
    private final Timeline poll;
    private List<ReviewItem> lastIncidents = List.of();

    public ConsoleShell(ConsoleServices services) {
        this.services = services;
        setId("console");
        plan = new PlanPanel(services.planner(), map, work);
        fleet = new FleetPanel(services.fleet(), work);
        live = new LivePanel(services.frames());
        alerts = new AlertsPanel(services.alerts(), work, services.reviewer());
        if (services.basemap() != null) {
            map.setBasemap(services.basemap());
        }

        tabs.getTabs().addAll(tab("Plan", "Ctrl+1", scroll(plan)), tab("Fleet", "Ctrl+2", fleet),
                tab("Live", "Ctrl+3", live), tab("Alerts", "Ctrl+4", alerts));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(360);
        tabs.setPrefWidth(PANEL_WIDTH);
        tabs.setId("panels");

        SplitPane split = new SplitPane(map, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(tabs, false);
        split.setDividerPositions(0.66);
        setCenter(split);
        setTop(toolbar());
        setBottom(statusBar());

        fleet.selectedDroneProperty().addListener((o, a, id) -> {
            map.model().setSelectedDrone(id);
            live.setDrone(id);
        });
        map.setOnDroneClicked(id -> {
            fleet.select(id);
            live.setDrone(id);
        });
        map.setOnIncidentClicked(id -> {
            tabs.getSelectionModel().select(3);
            alerts.select(id);
        });
        alerts.setOnShowOnMap(p -> {
            ReviewItem r = alerts.selected();
            map.model().setSelectedIncident(r == null ? null : r.id());
            map.centreOn(p, 14);
        });

        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> pollServices()));
        poll.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                poll.stop();
            } else {
                installShortcuts(s);
                poll.play();
            }
        });
        if (!services.assets().isEmpty()) {
            plan.addAssets(services.assets());
        }
        pollServices();
    }

    private static Tab tab(String name, String key, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + name.toLowerCase());
        t.setTooltip(new Tooltip(name + " (" + key + ")"));
        return t;
    }

    private static ScrollPane scroll(Region content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        return sp;
    }

    private ToolBar toolbar() {
        Label title = new Label("Skyshare");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px");
        ToolBar bar = new ToolBar(title, new Separator());
        for (MapLayer l : map.layers()) {
            bar.getItems().add(layerToggle(l));
        }
        map.layers().stream().filter(l -> l.name().equals("Basemap")).findFirst().ifPresent(l -> { });
        Label hint = new Label("Drag/arrows pan · wheel/± zoom · Home fit");
        hint.setStyle("-fx-text-fill: #666");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar.getItems().addAll(grow, hint);
        return bar;
    }

    private static CheckBox layerToggle(MapLayer l) {
        CheckBox cb = new CheckBox(l.name());
        cb.setId("layer-" + l.name().toLowerCase().replace(' ', '-'));
        cb.selectedProperty().bindBidirectional(l.visibleProperty());
        return cb;
    }

    private HBox statusBar() {
        Label message = new Label();
        message.setId("status");
        message.textProperty().bind(work.messageProperty());
        work.failedProperty().addListener((o, a, f) -> message.setStyle(f ? "-fx-text-fill: #b00000" : ""));
        ProgressBar progress = new ProgressBar();
        progress.setId("work-progress");
        progress.progressProperty().bind(work.progressProperty());
        progress.visibleProperty().bind(work.busyProperty());
        progress.setPrefWidth(160);
        Label cursor = new Label();
        cursor.setId("cursor-position");
        cursor.textProperty().bind(map.cursorPositionProperty());
        cursor.setMinWidth(210);
        Label basemap = new Label(services.basemap() == null ? "no basemap" : services.basemap().describe());
        basemap.setStyle("-fx-text-fill: #666");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, message, grow, progress, basemap, cursor);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setStyle("-fx-background-color: #f0f0f0; -fx-border-color: #ccc; -fx-border-width: 1 0 0 0");
        return bar;
    }

    private void installShortcuts(Scene s) {
        for (int i = 0; i < 4; i++) {
            int index = i;
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN),
                    () -> {
                        tabs.getSelectionModel().select(index);
                        tabs.getTabs().get(index).getContent().requestFocus();
                    });
        }
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), map::requestFocus);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), plan::plan);
    }

    /** Pulls in-memory snapshots from the fleet, the alert queue and the frame feed. */
    private void pollServices() {
        List<DroneStatus> drones = services.fleet().drones();
        fleet.refresh(services.fleet().docks(), drones);
        List<DroneMarker> markers = new ArrayList<>(drones.size());
        for (DroneStatus d : drones) {
            markers.add(new DroneMarker(d.id(), WebMercator.x(d.lonDeg()), WebMercator.y(d.latDeg()), d.headingDeg(), d.state()));
        }
        if (!markers.isEmpty() || !map.model().drones().isEmpty()) {
            map.model().setDrones(markers);
        }
        List<ReviewItem> incidents = services.alerts().incidents();
        if (!incidents.equals(lastIncidents)) {
            lastIncidents = incidents;
            alerts.refresh(incidents);
            map.model().setIncidents(incidents.stream()
                    .map(r -> new IncidentMarker(r.id(), r.kind(), r.state(), WebMercator.x(r.lonDeg()), WebMercator.y(r.latDeg())))
                    .toList());
        }
        live.refresh();
    }

    public MapCanvas map() {
        return map;
    }

    public PlanPanel plan() {
        return plan;
    }

    public FleetPanel fleet() {
        return fleet;
    }

    public LivePanel live() {
        return live;
    }

    public AlertsPanel alerts() {
        return alerts;
    }

    public TabPane tabs() {
        return tabs;
    }

    public BackgroundWork work() {
        return work;
    }

    /** Stops polling and background threads; call when the window closes. */
    public void shutdown() {
        poll.stop();
        work.shutdown();
        map.setBasemap(null);
    }
}
