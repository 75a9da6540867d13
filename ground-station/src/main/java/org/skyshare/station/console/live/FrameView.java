package org.skyshare.station.console.live;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.Frame;

import java.util.List;
import java.util.Locale;

/** One frame scaled to fit, with its detections' boxes and labels drawn over it. */
final class FrameView extends Region {
    private final Canvas canvas = new Canvas();
    private final String emptyText;
    private Frame frame;
    private Image image;
    private List<Detection> detections = List.of();
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    FrameView(String emptyText) {
        this.emptyText = emptyText;
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(240);
    }

    /** Shows a frame; re-renders only when it is a new one. */
    void show(Frame f, List<Detection> dets) {
        if (f != frame) {
            frame = f;
            image = f == null ? null : f.isThermal() ? ThermalColours.render(f.thermal()) : SwingFXUtils.toFXImage(f.rgb(), null);
        }
        detections = f == null ? List.of() : dets.stream().filter(d -> d.cameraId().equals(f.cameraId())).toList();
        draw();
    }

    Frame frame() {
        return frame;
    }

    /** The frame pixel under a point of this view, or null outside the image. */
    int[] pixelAt(double x, double y) {
        if (frame == null) {
            return null;
        }
        int px = (int) Math.floor((x - offsetX) / scale);
        int py = (int) Math.floor((y - offsetY) / scale);
        if (px < 0 || py < 0 || px >= frame.widthPx() || py >= frame.heightPx()) {
            return null;
        }
        return new int[] {px, py};
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, w, h);
        if (image == null) {
            g.setFill(Color.web("#bbbbbb"));
            g.setFont(Font.font(13));
            g.fillText(emptyText, 12, h / 2);
            return;
        }
        scale = Math.min(w / image.getWidth(), h / image.getHeight());
        offsetX = (w - image.getWidth() * scale) / 2;
        offsetY = (h - image.getHeight() * scale) / 2;
        g.drawImage(image, offsetX, offsetY, image.getWidth() * scale, image.getHeight() * scale);
        g.setFont(Font.font(12));
        for (Detection d : detections) {
            double x = offsetX + d.box().x() * scale;
            double y = offsetY + d.box().y() * scale;
            g.setStroke(Color.web("#00e5ff"));
            g.setLineWidth(2);
            g.strokeRect(x, y, d.box().width() * scale, d.box().height() * scale);
            String label = d.kind().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, " %.0f%%", d.confidence() * 100)
                    + (d.hasTemperature() ? String.format(Locale.ROOT, " %.0f°C", d.peakTemperatureC()) : "");
            g.setFill(Color.rgb(0, 0, 0, 0.6));
            g.fillRect(x, y - 16, label.length() * 7 + 6, 16);
            g.setFill(Color.web("#00e5ff"));
            g.fillText(label, x + 3, y - 4);
        }
    }
}
