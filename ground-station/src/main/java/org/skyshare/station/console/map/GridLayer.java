package org.skyshare.station.console.map;

import javafx.scene.canvas.GraphicsContext;

/** Planning grid cells outlined in their owner's colour. */
public final class GridLayer extends MapLayer {
    public GridLayer() {
        super("Grid cells");
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        var visible = vp.visible();
        g.setLineWidth(1);
        for (GridCellShape c : model.cells()) {
            if (!c.bounds().intersects(visible)) {
                continue;
            }
            g.setStroke(Palette.owner(c.owner()).deriveColor(0, 1, 1, 0.6));
            tracePath(g, vp, c.ring(), true);
            g.stroke();
        }
    }
}
