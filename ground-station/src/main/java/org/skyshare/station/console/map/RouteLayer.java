package org.skyshare.station.console.map;

import javafx.scene.canvas.GraphicsContext;

/** Planned sorties; the highlighted one is drawn thicker and on top. */
public final class RouteLayer extends MapLayer {
    public RouteLayer() {
        super("Routes");
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        var visible = vp.visible();
        PlannedRoute highlighted = null;
        for (PlannedRoute r : model.routes()) {
            if (!r.bounds().intersects(visible)) {
                continue;
            }
            if (r.id().equals(model.highlightedRoute())) {
                highlighted = r;
                continue;
            }
            g.setStroke(Palette.route(r.colourIndex()).deriveColor(0, 1, 1, 0.8));
            g.setLineWidth(1.5);
            tracePath(g, vp, r.xy(), false);
            g.stroke();
        }
        if (highlighted != null) {
            g.setStroke(Palette.route(highlighted.colourIndex()));
            g.setLineWidth(4);
            tracePath(g, vp, highlighted.xy(), false);
            g.stroke();
        }
    }
}
