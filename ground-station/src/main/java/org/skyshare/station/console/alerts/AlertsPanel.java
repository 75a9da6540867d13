package org.skyshare.station.console.alerts;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.skyshare.station.console.BackgroundWork;
import org.skyshare.station.console.map.LatLon;
import org.skyshare.station.console.map.MapCanvas;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The review queue: pick an incident, see its evidence, reading, place and recipients, then press
 * C to confirm or D to dismiss. Its history and acknowledgements load in the background.
 */
public final class AlertsPanel extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final AlertQueue queue;
    private final BackgroundWork work;
    private final String reviewer;
    private final ListView<ReviewItem> list = new ListView<>();
    private final ToggleButton showAll = new ToggleButton("Show decided too");
    private final ImageView evidence = new ImageView();
    private final Label evidenceNote = new Label("No evidence image");
    private final GridPane facts = new GridPane();
    private final ListView<String> history = new ListView<>();
    private final Button confirm = new Button("Confirm (C)");
    private final Button dismiss = new Button("Dismiss (D)");
    private Consumer<LatLon> showOnMap = p -> { };
    private List<ReviewItem> all = List.of();
    private String shownId;

    public AlertsPanel(AlertQueue queue, BackgroundWork work, String reviewer) {
        this.queue = queue;
        this.work = work;
        this.reviewer = reviewer;
        setSpacing(6);
        setPadding(new Insets(8));
        setId("alerts-panel");

        list.setId("review-queue");
        list.setPrefHeight(170);
        list.setPlaceholder(new Label("Nothing to review"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewItem r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : summary(r));
                setStyle(r != null && r.pending() ? "-fx-font-weight: bold" : "");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showDetail(r));
        showAll.setOnAction(e -> refresh(all));

        evidence.setFitWidth(400);
        evidence.setFitHeight(180);
        evidence.setPreserveRatio(true);
        evidence.setId("evidence");
        facts.setHgap(10);
        facts.setVgap(2);
        facts.setId("alert-facts");
        history.setId("incident-history");
        history.setPrefHeight(110);
        history.setPlaceholder(new Label("No history yet"));
        VBox.setVgrow(history, Priority.ALWAYS);

        confirm.setId("confirm");
        dismiss.setId("dismiss");
        confirm.setStyle("-fx-base: #c8e6c9");
        confirm.setOnAction(e -> confirmSelected());
        dismiss.setOnAction(e -> dismissSelected());
        Button locate = new Button("Show on map");
        locate.setOnAction(e -> {
            ReviewItem r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                showOnMap.accept(new LatLon(r.latDeg(), r.lonDeg()));
            }
        });
        HBox actions = new HBox(6, confirm, dismiss, locate);
        updateButtons(null);

        // one key decides: C confirms, D dismisses, wherever the focus is inside the panel
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (e.getCode() == KeyCode.C) {
                confirmSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.D) {
                dismissSelected();
                e.consume();
            }
        });
        getChildren().addAll(new HBox(8, new Label("Review queue"), showAll), list, actions,
                new VBox(2, evidence, evidenceNote), facts, new Label("History and acknowledgements"), history);
    }

    private static String summary(ReviewItem r) {
        return String.format(Locale.ROOT, "%s  %s  %.0f%%%s  %s", r.state().toUpperCase(Locale.ROOT),
                r.kind(), r.confidence() * 100,
                Double.isNaN(r.peakTemperatureC()) ? "" : String.format(Locale.ROOT, "  %.0f°C", r.peakTemperatureC()),
                TIME.format(r.detectedAt()).substring(11));
    }

    public void setOnShowOnMap(Consumer<LatLon> c) {
        showOnMap = c;
    }

    /** Takes a fresh snapshot of the queue, keeping the selection on the same incident. */
    public void refresh(List<ReviewItem> items) {
        all = items;
        List<ReviewItem> shown = showAll.isSelected() ? items : items.stream().filter(ReviewItem::pending).toList();
        ReviewItem sel = list.getSelectionModel().getSelectedItem();
        int selIndex = list.getSelectionModel().getSelectedIndex();
        if (shown.equals(list.getItems())) {
            return;
        }
        list.getItems().setAll(shown);
        if (sel != null) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).id().equals(sel.id())) {
                    list.getSelectionModel().select(i);
                    return;
                }
            }
        }
        // the selected one left the queue (decided): move to the next one in line
        if (!shown.isEmpty()) {
            list.getSelectionModel().select(Math.max(0, Math.min(selIndex, shown.size() - 1)));
        }
    }

    public void select(String incidentId) {
        for (ReviewItem r : list.getItems()) {
            if (r.id().equals(incidentId)) {
                list.getSelectionModel().select(r);
                list.scrollTo(r);
                return;
            }
        }
        all.stream().filter(r -> r.id().equals(incidentId)).findFirst().ifPresent(r -> {
            showAll.setSelected(true);
            refresh(all);
            list.getSelectionModel().select(r);
        });
    }

    public ReviewItem selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void updateButtons(ReviewItem r) {
        boolean can = r != null && r.pending();
        confirm.setDisable(!can);
        dismiss.setDisable(!can);
    }

    private void showDetail(ReviewItem r) {
        updateButtons(r);
        facts.getChildren().clear();
        if (r == null) {
            shownId = null;
            evidence.setImage(null);
            evidenceNote.setText("No incident selected");
            history.getItems().clear();
            return;
        }
        boolean same = Objects.equals(shownId, r.id());
        shownId = r.id();
        int row = 0;
        fact(row++, "Hazard", r.kind() + " (" + String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100) + " confidence)");
        fact(row++, "Thermal", Double.isNaN(r.peakTemperatureC()) ? "no reading"
                : String.format(Locale.ROOT, "%.1f °C peak", r.peakTemperatureC()));
        fact(row++, "Location", MapCanvas.format(new LatLon(r.latDeg(), r.lonDeg()))
                + (r.gridCell() == null || r.gridCell().isBlank() ? "" : "  cell " + r.gridCell()));
        fact(row++, "Goes to", r.agencies().isEmpty() ? "no agency (routing found none)" : String.join(", ", r.agencies()));
        fact(row++, "Seen", TIME.format(r.detectedAt()) + (r.droneId() == null ? "" : " by " + r.droneId()));
        fact(row, "State", r.state());
        if (!same) {
            loadEvidence(r);
            loadHistory(r);
            showOnMap.accept(new LatLon(r.latDeg(), r.lonDeg()));
        }
    }

    private void fact(int row, String key, String value) {
        Label k = new Label(key);
        k.setStyle("-fx-text-fill: #555");
        Label v = new Label(value);
        v.setId("fact-" + key.toLowerCase(Locale.ROOT).replace(' ', '-'));
        v.setWrapText(true);
        facts.addRow(row, k, v);
    }

    private void loadEvidence(ReviewItem r) {
        evidence.setImage(null);
        if (r.evidence() == null) {
            evidenceNote.setText("No evidence image");
            return;
        }
        evidenceNote.setText("Loading evidence…");
        String id = r.id();
        work.submit("Loading evidence for " + id, p -> {
            try (InputStream in = Files.newInputStream(r.evidence())) {
                Image img = new Image(in);
                if (img.isError()) {
                    throw new IllegalStateException(r.evidence() + ": not a readable image");
                }
                return img;
            }
        }, img -> {
            if (id.equals(shownId)) {
                evidence.setImage(img);
                evidenceNote.setText(r.evidence().getFileName().toString());
            }
        }, e -> evidenceNote.setText("Evidence unavailable: " + BackgroundWork.describe(e)));
    }

    private void loadHistory(ReviewItem r) {
        String id = r.id();
        history.getItems().setAll("Loading…");
        work.submit("Loading history of " + id, p -> queue.history(id), events -> {
            if (id.equals(shownId)) {
                history.getItems().setAll(events.stream()
                        .map(e -> TIME.format(e.at()).substring(11) + "  " + e.what() + (e.who() == null ? "" : " — " + e.who()))
                        .toList());
            }
        });
    }

    public void confirmSelected() {
        decide(true);
    }

    public void dismissSelected() {
        decide(false);
    }

    private void decide(boolean confirmIt) {
        ReviewItem r = list.getSelectionModel().getSelectedItem();
        if (r == null || !r.pending()) {
            return;
        }
        confirm.setDisable(true);
        dismiss.setDisable(true);
        String verb = confirmIt ? "Confirmed" : "Dismissed";
        var stage = confirmIt ? queue.confirm(r.id(), reviewer) : queue.dismiss(r.id(), reviewer, "dismissed by reviewer");
        stage.whenComplete((v, err) -> Platform.runLater(() -> {
            if (err != null) {
                work.warn(verb.replace("ed", "") + " " + r.id() + " failed: " + BackgroundWork.describe(err));
                updateButtons(list.getSelectionModel().getSelectedItem());
            } else {
                work.say(verb + " " + r.kind() + " " + r.id()
                        + (confirmIt && !r.agencies().isEmpty() ? " → " + String.join(", ", r.agencies()) : ""));
                refresh(queue.incidents());
            }
        }));
    }
}
