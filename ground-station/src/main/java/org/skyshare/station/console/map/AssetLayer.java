package org.skyshare.station.console.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;

/** Forests, rivers drawn at their normal width, power lines, towers, docks and no-fly zones. */
public final class AssetLayer extends MapLayer {
    private static final Font LABEL = Font.font("System", 11);

    public AssetLayer() {
        super("Assets");
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        var visible = vp.visible();
        double mpp = vp.metresPerPixel();
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        // areas first, then lines, then points, so small things stay on top
        for (int pass = 0; pass < 3; pass++) {
            for (MapFeature f : model.features()) {
                if (!f.bounds().intersects(visible)) {
                    continue;
                }
                int want = f.polygon() ? 0 : f.isPoint() ? 2 : 1;
                if (want == pass) {
                    drawFeature(g, vp, f, mpp);
                }
            }
        }
        g.setLineDashes();
    }

    private static void drawFeature(GraphicsContext g, MapViewport vp, MapFeature f, double mpp) {
        switch (f.kind()) {
            case FOREST -> area(g, vp, f, Palette.FOREST_FILL, Palette.FOREST_EDGE, false);
            case NO_FLY -> area(g, vp, f, Palette.NO_FLY_FILL, Palette.NO_FLY_EDGE, true);
            case RIVER -> {
                g.setStroke(Palette.RIVER);
                g.setLineWidth(Math.max(2, f.widthM() > 0 ? f.widthM() / mpp : 3));
                for (double[] p : f.parts()) {
                    tracePath(g, vp, p, false);
                    g.stroke();
                }
            }
            case POWER_LINE -> {
                g.setStroke(Palette.POWER_LINE);
                g.setLineWidth(2);
                g.setLineDashes(10, 4);
                for (double[] p : f.parts()) {
                    tracePath(g, vp, p, false);
                    g.stroke();
                }
                g.setLineDashes();
            }
            case TOWER -> {
                if (vp.zoom() >= 12) {
                    double x = vp.screenX(f.x());
                    double y = vp.screenY(f.y());
                    g.setFill(Palette.TOWER);
                    g.fillPolygon(new double[] {x, x - 4, x + 4}, new double[] {y - 5, y + 4, y + 4}, 3);
                }
            }
            case DOCK -> {
                double x = vp.screenX(f.x());
                double y = vp.screenY(f.y());
                g.setFill(Color.WHITE);
                g.fillRect(x - 8, y - 8, 16, 16);
                g.setStroke(Palette.DOCK);
                g.setLineWidth(2);
                g.strokeRect(x - 8, y - 8, 16, 16);
                g.setFill(Palette.DOCK);
                g.setFont(LABEL);
                g.fillText("H", x - 4, y + 4);
                if (vp.zoom() >= 12) {
                    g.fillText(f.id(), x + 11, y + 4);
                }
            }
            default -> {
                g.setStroke(Color.GRAY);
                g.setLineWidth(1);
                for (double[] p : f.parts()) {
                    if (p.length == 2) {
                        g.strokeOval(vp.screenX(p[0]) - 3, vp.screenY(p[1]) - 3, 6, 6);
                    } else {
                        tracePath(g, vp, p, f.polygon());
                        g.stroke();
                    }
                }
            }
        }
    }

    private static void area(GraphicsContext g, MapViewport vp, MapFeature f, Color fill, Color edge, boolean dashed) {
        g.beginPath();
        for (double[] ring : f.parts()) {
            for (int i = 0; i + 1 < ring.length; i += 2) {
                double sx = vp.screenX(ring[i]);
                double sy = vp.screenY(ring[i + 1]);
                if (i == 0) {
                    g.moveTo(sx, sy);
                } else {
                    g.lineTo(sx, sy);
                }
            }
            g.closePath();
        }
        g.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        g.setFill(fill);
        g.fill();
        g.setStroke(edge);
        g.setLineWidth(1.5);
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.stroke();
        g.setLineDashes();
    }
}
