package org.skyshare.station.console.plan;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.skyshare.station.console.BackgroundWork;
import org.skyshare.station.console.map.FeatureKind;
import org.skyshare.station.console.map.GeoJsonAssets;
import org.skyshare.station.console.map.GridCellShape;
import org.skyshare.station.console.map.LatLon;
import org.skyshare.station.console.map.MapCanvas;
import org.skyshare.station.console.map.MapFeature;
import org.skyshare.station.console.map.PlannedRoute;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Import assets, choose aircraft and docks, plan with progress, inspect sorties and totals, export. */
public final class PlanPanel extends VBox {
    private final PlanService planner;
    private final MapCanvas map;
    private final BackgroundWork work;
    private final ObservableList<Path> assetFiles = FXCollections.observableArrayList();
    private final ComboBox<String> aircraft = new ComboBox<>();
    private final FlowPane docks = new FlowPane(8, 4);
    private final Map<String, CheckBox> dockBoxes = new LinkedHashMap<>();
    private final TableView<PlanView.Sortie> sorties = new TableView<>();
    private final GridPane totals = new GridPane();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button planButton = new Button("Plan (Ctrl+P)");
    private final Button exportButton = new Button("Export…");
    private PlanView current;

    public PlanPanel(PlanService planner, MapCanvas map, BackgroundWork work) {
        this.planner = planner;
        this.map = map;
        this.work = work;
        setSpacing(8);
        setPadding(new Insets(8));
        setId("plan-panel");

        ListView<Path> files = new ListView<>(assetFiles);
        files.setPrefHeight(56);
        files.setMinHeight(56);
        files.setId("asset-files");
        Button importButton = new Button("Import…");
        importButton.setId("import-assets");
        importButton.setOnAction(e -> chooseAssets());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            Path p = files.getSelectionModel().getSelectedItem();
            if (p != null) {
                assetFiles.remove(p);
                loadAssets();
            }
        });
        VBox assetsBox = new VBox(4, files, new HBox(6, importButton, remove));

        aircraft.setId("aircraft");
        aircraft.getItems().setAll(planner.aircraftIds());
        if (!aircraft.getItems().isEmpty()) {
            aircraft.getSelectionModel().select(aircraft.getItems().contains("dji-m30t") ? "dji-m30t" : aircraft.getItems().get(0));
        }
        aircraft.setMaxWidth(Double.MAX_VALUE);

        planButton.setId("plan");
        planButton.setDefaultButton(false);
        planButton.setOnAction(e -> plan());
        exportButton.setId("export");
        exportButton.setDisable(true);
        exportButton.setOnAction(e -> export());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        HBox actions = new HBox(6, planButton, exportButton, progress);
        actions.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        totals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        sorties.setMinHeight(160);
        HBox.setHgrow(progress, Priority.ALWAYS);

        totals.setHgap(12);
        totals.setVgap(2);
        totals.setId("plan-totals");

        TableColumn<PlanView.Sortie, String> id = column("Sortie", s -> s.id());
        TableColumn<PlanView.Sortie, String> purpose = column("Purpose", s -> s.purpose());
        TableColumn<PlanView.Sortie, String> km = column("km", s -> String.format(Locale.ROOT, "%.1f", s.lengthM() / 1000));
        TableColumn<PlanView.Sortie, String> min = column("min", s -> String.format(Locale.ROOT, "%.0f", s.durationS() / 60));
        TableColumn<PlanView.Sortie, String> wp = column("WPs", s -> Integer.toString(s.waypoints()));
        // sortie ids already start with their dock's id, so no separate dock column
        id.setPrefWidth(165);
        purpose.setPrefWidth(110);
        for (TableColumn<PlanView.Sortie, String> c : List.of(km, min, wp)) {
            c.setPrefWidth(48);
            c.setStyle("-fx-alignment: CENTER-RIGHT");
        }
        sorties.getColumns().setAll(List.of(id, purpose, km, min, wp));
        sorties.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sorties.setPlaceholder(new Label("No plan yet: press Plan"));
        sorties.setId("sorties");
        sorties.getSelectionModel().selectedItemProperty().addListener((o, a, s) ->
                map.model().setHighlightedRoute(s == null ? null : s.id()));
        VBox.setVgrow(sorties, Priority.ALWAYS);

        getChildren().addAll(section("Assets", assetsBox), section("Aircraft", aircraft), section("Docks", docks),
                actions, totals, sorties);
    }

    private static TitledPane section(String title, javafx.scene.Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(false);
        // keep the small sections whole on a 768 px screen; the sortie table takes what is left
        p.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return p;
    }

    private static TableColumn<PlanView.Sortie, String> column(String title,
                                                               java.util.function.Function<PlanView.Sortie, String> f) {
        TableColumn<PlanView.Sortie, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private void chooseAssets() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import assets");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoJSON assets", "*.geojson", "*.json"));
        List<File> chosen = fc.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            addAssets(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Adds asset files and (re)loads them onto the map in the background. */
    public void addAssets(List<Path> files) {
        for (Path f : files) {
            if (!assetFiles.contains(f)) {
                assetFiles.add(f);
            }
        }
        loadAssets();
    }

    private void loadAssets() {
        List<Path> files = List.copyOf(assetFiles);
        work.submit("Loading " + files.size() + " asset file(s)", p -> {
            List<MapFeature> all = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                all.addAll(GeoJsonAssets.read(files.get(i)));
                p.update((i + 1.0) / files.size());
            }
            return all;
        }, features -> {
            map.model().setFeatures(features);
            map.fitAll();
            showDocks(features);
            work.say("Loaded " + features.size() + " assets from " + files.size() + " file(s)");
        });
    }

    private void showDocks(List<MapFeature> features) {
        Map<String, Boolean> was = new LinkedHashMap<>();
        dockBoxes.forEach((k, v) -> was.put(k, v.isSelected()));
        dockBoxes.clear();
        for (MapFeature f : features) {
            if (f.kind() == FeatureKind.DOCK) {
                CheckBox cb = new CheckBox(f.id());
                cb.setSelected(was.getOrDefault(f.id(), true));
                dockBoxes.put(f.id(), cb);
            }
        }
        docks.getChildren().setAll(dockBoxes.values());
        if (dockBoxes.isEmpty()) {
            docks.getChildren().setAll(new Label("No docks in the assets"));
        }
    }

    public void plan() {
        if (assetFiles.isEmpty()) {
            work.warn("Import an asset file first (Import…)");
            return;
        }
        if (aircraft.getValue() == null) {
            work.warn("Choose an aircraft first");
            return;
        }
        List<String> chosenDocks = dockBoxes.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey).toList();
        if (!dockBoxes.isEmpty() && chosenDocks.isEmpty()) {
            work.warn("Choose at least one dock");
            return;
        }
        PlanRequest req = new PlanRequest(assetFiles, aircraft.getValue(), chosenDocks);
        planButton.setDisable(true);
        progress.setVisible(true);
        var task = work.submit("Planning with " + req.aircraftId(), p -> planner.plan(req, p::update), this::show,
                e -> {
                    planButton.setDisable(false);
                    progress.setVisible(false);
                });
        progress.progressProperty().bind(task.progressProperty());
    }

    private void show(PlanView plan) {
        current = plan;
        planButton.setDisable(false);
        progress.progressProperty().unbind();
        progress.setVisible(false);
        exportButton.setDisable(false);
        sorties.getItems().setAll(plan.sorties());
        Map<String, Integer> dockColour = new LinkedHashMap<>();
        List<PlannedRoute> routes = new ArrayList<>();
        for (PlanView.Sortie s : plan.sorties()) {
            int colour = dockColour.computeIfAbsent(s.dockId(), k -> dockColour.size());
            routes.add(PlannedRoute.of(s.id(), s.dockId(), toXy(s.path()), colour));
        }
        map.model().setRoutes(routes);
        map.model().setCells(plan.cells().stream()
                .map(c -> GridCellShape.of(c.id(), c.owner(), toXy(c.ring()))).toList());
        PlanView.Totals t = plan.totals();
        totals.getChildren().clear();
        row(0, "Sorties", Integer.toString(t.sorties()), "Routes", Integer.toString(t.routes()));
        row(1, "Inspection points", Integer.toString(t.inspectionPoints()), "Covered",
                String.format(Locale.ROOT, "%.2f km²", t.coveredAreaKm2()));
        row(2, "Flight length", String.format(Locale.ROOT, "%.1f km", t.lengthM() / 1000), "Flight time",
                String.format(Locale.ROOT, "%.0f min", t.durationS() / 60));
        row(3, "Planned in", t.planningMs() + " ms", "Warnings", Integer.toString(t.warnings().size()));
        work.say("Planned " + t.sorties() + " sorties (" + String.format(Locale.ROOT, "%.1f", t.lengthM() / 1000)
                + " km) in " + t.planningMs() + " ms" + (t.warnings().isEmpty() ? "" : "; " + t.warnings().get(0)));
    }

    private void row(int r, String k1, String v1, String k2, String v2) {
        Label l1 = new Label(k1);
        Label l2 = new Label(k2);
        l1.setStyle("-fx-text-fill: #555");
        l2.setStyle("-fx-text-fill: #555");
        Label a = new Label(v1);
        Label b = new Label(v2);
        a.setId("total-" + k1.toLowerCase(Locale.ROOT).replace(' ', '-'));
        b.setId("total-" + k2.toLowerCase(Locale.ROOT).replace(' ', '-'));
        totals.addRow(r, l1, a, l2, b);
    }

    private static double[] toXy(List<LatLon> path) {
        double[] xy = new double[path.size() * 2];
        for (int i = 0; i < path.size(); i++) {
            xy[2 * i] = path.get(i).worldX();
            xy[2 * i + 1] = path.get(i).worldY();
        }
        return xy;
    }

    private void export() {
        if (current == null) {
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export plan to folder");
        File dir = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            exportTo(dir.toPath());
        }
    }

    /** Writes the current plan's files into {@code dir} in the background. */
    public void exportTo(Path dir) {
        PlanView plan = current;
        work.submit("Exporting plan to " + dir, p -> planner.export(plan, dir),
                files -> work.say("Exported " + files.size() + " files to " + dir));
    }

    public PlanView current() {
        return current;
    }

    public List<Path> assetFiles() {
        return List.copyOf(assetFiles);
    }
}
