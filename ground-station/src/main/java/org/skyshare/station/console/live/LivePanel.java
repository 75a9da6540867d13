package org.skyshare.station.console.live;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.skyshare.vision.frame.Frame;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The selected drone's RGB and thermal frames with detections; temperature under the cursor. */
public final class LivePanel extends VBox {
    private final FrameFeed feed;
    private final Label title = new Label("No drone selected: pick one on the map or in Fleet");
    private final FrameView rgb = new FrameView("No RGB frame");
    private final FrameView thermal = new FrameView("No thermal frame");
    private final Label reading = new Label(" ");
    private String droneId;

    public LivePanel(FrameFeed feed) {
        this.feed = feed;
        setSpacing(6);
        setPadding(new Insets(8));
        setId("live-panel");
        reading.setId("temperature-reading");
        VBox.setVgrow(rgb, Priority.ALWAYS);
        VBox.setVgrow(thermal, Priority.ALWAYS);
        thermal.addEventHandler(MouseEvent.MOUSE_MOVED, e -> readTemperature(e.getX(), e.getY()));
        thermal.addEventHandler(MouseEvent.MOUSE_EXITED, e -> reading.setText(" "));
        getChildren().addAll(title, new Label("RGB"), rgb, new Label("Thermal"), thermal, reading);
    }

    public void setDrone(String id) {
        droneId = id;
        title.setText(id == null ? "No drone selected" : "Drone " + id);
        refresh();
    }

    /** Pulls the latest frames from the feed (in memory) and shows them. */
    public void refresh() {
        Optional<LiveFrames> f = droneId == null ? Optional.empty() : feed.latest(droneId);
        List<org.skyshare.vision.detect.Detection> dets = f.map(LiveFrames::detections).orElse(List.of());
        rgb.show(f.map(LiveFrames::rgb).orElse(null), dets);
        thermal.show(f.map(LiveFrames::thermal).orElse(null), dets);
    }

    /** The reading for a point of the thermal view, e.g. "x 320, y 256: 412.5 °C"; empty outside the image. */
    public String readTemperature(double viewX, double viewY) {
        int[] p = thermal.pixelAt(viewX, viewY);
        Frame f = thermal.frame();
        if (p == null || f == null) {
            reading.setText(" ");
            return "";
        }
        String text = String.format(Locale.ROOT, "x %d, y %d: %.1f °C", p[0], p[1], f.thermal().temperatureC(p[0], p[1]));
        reading.setText(text);
        return text;
    }

    public String reading() {
        return reading.getText();
    }
}
