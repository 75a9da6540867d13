package org.skyshare.station.console.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.Deque;

/** Drones as arrows pointing along their heading, with a fading trail of recent positions. */
public final class DroneLayer extends MapLayer {
    private static final Font LABEL = Font.font("System", 11);

    public DroneLayer() {
        super("Drones");
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        var visible = vp.visible().expand(20 / vp.pixelsPerUnit());
        g.setFont(LABEL);
        for (DroneMarker d : model.drones()) {
            Deque<double[]> trail = model.trail(d.id());
            if (trail.size() > 1) {
                g.setStroke(Color.web("#0d3b66", 0.5));
                g.setLineWidth(2);
                g.beginPath();
                boolean first = true;
                for (double[] p : trail) {
                    if (first) {
                        g.moveTo(vp.screenX(p[0]), vp.screenY(p[1]));
                        first = false;
                    } else {
                        g.lineTo(vp.screenX(p[0]), vp.screenY(p[1]));
                    }
                }
                g.stroke();
            }
            if (!visible.contains(d.x(), d.y())) {
                continue;
            }
            double x = vp.screenX(d.x());
            double y = vp.screenY(d.y());
            double h = Math.toRadians(d.headingDeg());
            double s = Math.sin(h), c = Math.cos(h);
            // arrow: tip 12 px ahead, tail corners 7 px behind and 6 px aside (screen y grows down)
            double[] xs = {x + 12 * s, x - 7 * s - 6 * c, x - 3 * s, x - 7 * s + 6 * c};
            double[] ys = {y - 12 * c, y + 7 * c - 6 * s, y + 3 * c, y + 7 * c + 6 * s};
            boolean selected = d.id().equals(model.selectedDrone());
            g.setFill(stateColour(d.state()));
            g.fillPolygon(xs, ys, 4);
            g.setStroke(selected ? Color.web("#ffd60a") : Color.WHITE);
            g.setLineWidth(selected ? 3 : 1.5);
            g.strokePolygon(xs, ys, 4);
            g.setFill(Color.web("#0d3b66"));
            g.fillText(d.id(), x + 12, y - 8);
        }
    }

    static Color stateColour(String state) {
        String s = state == null ? "" : state.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("fault") || s.contains("lost") || s.contains("emergency")) {
            return Color.web("#d00000");
        }
        if (s.contains("return") || s.contains("land")) {
            return Color.web("#e85d04");
        }
        if (s.contains("dock") || s.contains("charg") || s.contains("idle")) {
            return Color.web("#6c757d");
        }
        return Color.web("#0d3b66");
    }
}
