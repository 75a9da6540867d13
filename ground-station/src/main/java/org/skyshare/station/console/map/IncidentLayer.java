package org.skyshare.station.console.map;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Incidents as small icons: the shape and fill say the hazard, the ring says the lifecycle state.
 * Culled to the viewport; each kind/state icon is rasterised once and then stamped as an image,
 * which the software renderer draws far faster than a thousand filled and stroked paths.
 */
public final class IncidentLayer extends MapLayer {
    private static final double ICON_R = 6;
    private final Map<String, Image> icons = new HashMap<>();
    public IncidentLayer() {
        super("Incidents");
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        var visible = vp.visible().expand(10 / vp.pixelsPerUnit());
        IncidentMarker selected = null;
        g.setLineWidth(2);
        for (IncidentMarker m : model.incidents()) {
            if (!visible.contains(m.x(), m.y())) {
                continue;
            }
            if (m.id().equals(model.selectedIncident())) {
                selected = m;
                continue;
            }
            Image img = icons.computeIfAbsent(m.kind() + "|" + m.state(), k -> render(m));
            g.drawImage(img, Math.round(vp.screenX(m.x()) - img.getWidth() / 2), Math.round(vp.screenY(m.y()) - img.getHeight() / 2));
        }
        if (selected != null) {
            double x = vp.screenX(selected.x());
            double y = vp.screenY(selected.y());
            g.setStroke(Color.web("#ffd60a"));
            g.setLineWidth(3);
            g.strokeOval(x - 14, y - 14, 28, 28);
            icon(g, x, y, selected, 9);
        }
    }

    private static Image render(IncidentMarker m) {
        double size = 2 * ICON_R + 6;
        Canvas c = new Canvas(size, size);
        icon(c.getGraphicsContext2D(), size / 2, size / 2, m, ICON_R);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return c.snapshot(p, null);
    }

    static void icon(GraphicsContext g, double x, double y, IncidentMarker m, double r) {
        Color fill = Palette.hazard(m.kind());
        String state = m.state() == null ? "" : m.state().toLowerCase(Locale.ROOT);
        if (state.equals("dismissed")) {
            fill = fill.deriveColor(0, 0.3, 1.2, 0.5);
        }
        g.setFill(fill);
        g.setStroke(Palette.state(m.state()));
        g.setLineWidth(2);
        switch (m.kind() == null ? "" : m.kind().toLowerCase(Locale.ROOT)) {
            case "fire", "hotspot" -> {
                double[] xs = {x, x - r, x + r};
                double[] ys = {y - r * 1.2, y + r * 0.8, y + r * 0.8};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case "flood", "water" -> {
                double[] xs = {x, x + r, x, x - r};
                double[] ys = {y - r, y, y + r, y};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
            case "smoke", "person", "rescue" -> {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            default -> {
                g.fillRect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
                g.strokeRect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
            }
        }
    }
}
