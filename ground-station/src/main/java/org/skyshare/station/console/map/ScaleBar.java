package org.skyshare.station.console.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A 1-2-5 scale bar about 120 px long in the lower left corner. */
final class ScaleBar {
    private static final Font FONT = Font.font("System", 11);

    private ScaleBar() {
    }

    /** The largest 1, 2 or 5 times a power of ten that fits in {@code maxMetres}. */
    static double niceMetres(double maxMetres) {
        double p = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= maxMetres) {
                return m * p;
            }
        }
        return p;
    }

    static String label(double metres) {
        return metres >= 1000 ? String.format("%.0f km", metres / 1000) : String.format("%.0f m", metres);
    }

    static void draw(GraphicsContext g, MapViewport vp) {
        double mpp = vp.metresPerPixel();
        double metres = niceMetres(120 * mpp);
        double px = metres / mpp;
        double x = 12;
        double y = vp.heightPx() - 16;
        g.setFill(Color.rgb(255, 255, 255, 0.8));
        g.fillRect(x - 4, y - 18, px + 60, 26);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 5, x, y + 3);
        g.strokeLine(x + px, y - 5, x + px, y + 3);
        g.setFill(Color.BLACK);
        g.setFont(FONT);
        g.fillText(label(metres), x + px + 6, y + 4);
    }
}
