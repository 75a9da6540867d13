package org.skyshare.station.console.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;

/** One thing drawn on the map canvas, in order, each with its own on/off switch. */
public abstract class MapLayer {
    private final String name;
    private final BooleanProperty visible = new SimpleBooleanProperty(true);

    protected MapLayer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** Draws what falls inside the viewport; called on the FX thread, so it must not block. */
    public abstract void draw(GraphicsContext g, MapViewport vp, MapModel model);

    /** Strokes interleaved world x,y coordinates as one path. */
    protected static void tracePath(GraphicsContext g, MapViewport vp, double[] xy, boolean close) {
        g.beginPath();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double sx = vp.screenX(xy[i]);
            double sy = vp.screenY(xy[i + 1]);
            if (i == 0) {
                g.moveTo(sx, sy);
            } else {
                g.lineTo(sx, sy);
            }
        }
        if (close) {
            g.closePath();
        }
    }
}
