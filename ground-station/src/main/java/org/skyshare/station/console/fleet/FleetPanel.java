package org.skyshare.station.console.fleet;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.skyshare.station.console.BackgroundWork;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Docks and drones with state, battery, link and mission progress; actions on the selected drone. */
public final class FleetPanel extends VBox {
    private final FleetView fleet;
    private final BackgroundWork work;
    private final TableView<DockStatus> docks = new TableView<>();
    private final TableView<DroneStatus> drones = new TableView<>();
    private final TableView<PatrolEntry> patrols = new TableView<>();
    private final Map<FleetAction, Button> buttons = new EnumMap<>(FleetAction.class);
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    /** Lets tests answer the confirmation without a modal dialog; the product asks the operator. */
    private Predicate<String> confirmer = FleetPanel::askOperator;

    public FleetPanel(FleetView fleet, BackgroundWork work) {
        this.fleet = fleet;
        this.work = work;
        setSpacing(8);
        setPadding(new Insets(8));
        setId("fleet-panel");

        docks.getColumns().setAll(List.of(
                col("Dock", DockStatus::id), col("State", DockStatus::state), col("Why not ready", DockStatus::reason)));
        docks.setPrefHeight(130);
        docks.setPlaceholder(new Label("No docks connected"));
        docks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<DroneStatus, Double> progress = new TableColumn<>("Mission");
        progress.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().missionProgressPct()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null || v.isNaN()) {
                    setGraphic(null);
                    setText(empty ? null : "—");
                } else {
                    bar.setProgress(v / 100);
                    bar.setPrefWidth(70);
                    setGraphic(bar);
                    setText(null);
                }
            }
        });
        // the drone's dock is in the Docks table and on the map; keep these columns readable at 460 px
        TableColumn<DroneStatus, String> name = col("Drone", DroneStatus::id);
        TableColumn<DroneStatus, String> state = col("State", DroneStatus::state);
        TableColumn<DroneStatus, String> batt = col("Batt %", d -> String.format(Locale.ROOT, "%.0f", d.batteryPct()));
        TableColumn<DroneStatus, String> link = col("Link %", d -> String.format(Locale.ROOT, "%.0f", d.linkQualityPct()));
        TableColumn<DroneStatus, String> alt = col("Alt m", d -> String.format(Locale.ROOT, "%.0f", d.altitudeM()));
        name.setPrefWidth(80);
        state.setPrefWidth(105);
        for (TableColumn<DroneStatus, String> c : List.of(batt, link, alt)) {
            c.setPrefWidth(52);
            c.setStyle("-fx-alignment: CENTER-RIGHT");
        }
        drones.getColumns().setAll(List.of(name, state, batt, link, alt, progress));
        drones.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        drones.setPlaceholder(new Label("No drones connected (open the console from `demo` or `station` for a live fleet)"));
        drones.setId("drones");
        drones.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                selected.set(d.id());
            }
            updateButtons();
        });
        VBox.setVgrow(drones, Priority.ALWAYS);

        FlowPane actions = new FlowPane(6, 6);
        for (FleetAction a : FleetAction.values()) {
            Button b = new Button(a.label() + (a.dangerous() ? "…" : ""));
            b.setId("action-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setOnAction(e -> act(a));
            if (a.dangerous()) {
                b.setStyle("-fx-text-fill: #b00000");
            }
            buttons.put(a, b);
            actions.getChildren().add(b);
        }
        updateButtons();
        TableColumn<PatrolEntry, String> pName = col("Patrol", PatrolEntry::name);
        TableColumn<PatrolEntry, String> every = col("Every", PatrolEntry::every);
        TableColumn<PatrolEntry, String> when = col("When", PatrolEntry::window);
        pName.setPrefWidth(140);
        every.setPrefWidth(90);
        when.setPrefWidth(80);
        patrols.getColumns().setAll(List.of(pName, every, when, col("For", p -> String.join(", ", p.agencies()))));
        patrols.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        patrols.setPrefHeight(120);
        patrols.setPlaceholder(new Label("No patrol schedule loaded"));
        patrols.setId("patrols");
        patrols.getItems().setAll(fleet.patrols());
        getChildren().addAll(new Label("Docks"), docks, new Label("Drones"), drones, actions,
                new Label("Patrol schedule"), patrols);
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(Objects.toString(f.apply(d.getValue()), "")));
        return c;
    }

    /** Takes a fresh snapshot; keeps the selection on the same drone and leaves unchanged rows alone. */
    public void refresh(List<DockStatus> dockList, List<DroneStatus> droneList) {
        update(docks.getItems(), dockList);
        update(patrols.getItems(), fleet.patrols());
        if (!update(drones.getItems(), droneList)) {
            return;
        }
        String keep = selected.get();
        if (keep != null && (drones.getSelectionModel().getSelectedItem() == null
                || !drones.getSelectionModel().getSelectedItem().id().equals(keep))) {
            droneList.stream().filter(d -> d.id().equals(keep)).findFirst()
                    .ifPresent(d -> drones.getSelectionModel().select(d));
        }
        updateButtons();
    }

    /** Replaces only the rows that changed (a full reset would drop a click in progress); true if anything did. */
    private static <T> boolean update(List<T> rows, List<T> fresh) {
        if (rows.equals(fresh)) {
            return false;
        }
        if (rows.size() != fresh.size()) {
            rows.clear();
            rows.addAll(fresh);
            return true;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!rows.get(i).equals(fresh.get(i))) {
                rows.set(i, fresh.get(i));
            }
        }
        return true;
    }

    public void select(String droneId) {
        selected.set(droneId);
        drones.getItems().stream().filter(d -> d.id().equals(droneId)).findFirst()
                .ifPresent(d -> drones.getSelectionModel().select(d));
    }

    public ReadOnlyStringProperty selectedDroneProperty() {
        return selected.getReadOnlyProperty();
    }

    private void updateButtons() {
        boolean none = drones.getSelectionModel().getSelectedItem() == null;
        buttons.values().forEach(b -> b.setDisable(none));
    }

    /** Sends an action to the selected drone, asking first for the dangerous ones. */
    public void act(FleetAction action) {
        DroneStatus d = drones.getSelectionModel().getSelectedItem();
        if (d == null) {
            work.warn("Select a drone first");
            return;
        }
        if (action.dangerous() && !confirmer.test(action.label() + " on " + d.id() + " (" + d.state() + ")?")) {
            work.say(action.label() + " on " + d.id() + " cancelled");
            return;
        }
        work.say(action.label() + " sent to " + d.id() + "…");
        fleet.command(d.id(), action).whenComplete((reply, err) -> Platform.runLater(() -> {
            if (err != null) {
                work.warn(action.label() + " on " + d.id() + " failed: " + BackgroundWork.describe(err));
            } else {
                work.say(action.label() + " on " + d.id() + ": " + (reply == null || reply.isBlank() ? "accepted" : reply));
            }
        }));
    }

    public void setConfirmer(Predicate<String> confirmer) {
        this.confirmer = confirmer;
    }

    private static boolean askOperator(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Please confirm");
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ButtonType.OK;
    }
}
