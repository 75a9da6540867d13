package org.skyshare.station.console.map;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The map: a canvas redrawn at most once per pulse when something changed. Drag or arrow keys pan,
 * the wheel or +/- zoom, Home fits everything; clicking a drone or incident selects it.
 */
public final class MapCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final MapViewport viewport = new MapViewport();
    private final MapModel model = new MapModel();
    private final List<MapLayer> layers = new ArrayList<>();
    private final ReadOnlyStringWrapper cursor = new ReadOnlyStringWrapper("");
    private boolean dirty = true;
    private boolean fitted;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private long redraws;
    private Consumer<String> onIncidentClicked = id -> { };
    private Consumer<String> onDroneClicked = id -> { };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty) {
                redraw();
            }
        }
    };

    public MapCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("map");
        setFocusTraversable(true);
        setMinSize(200, 200);
        model.onChange(this::requestRedraw);
        layers.add(new AssetLayer());
        layers.add(new GridLayer());
        layers.add(new RouteLayer());
        layers.add(new IncidentLayer());
        layers.add(new DroneLayer());
        for (MapLayer l : layers) {
            l.visibleProperty().addListener((o, a, b) -> requestRedraw());
        }
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                viewport.panByPixels(e.getX() - dragX, e.getY() - dragY);
                dragged |= Math.hypot(e.getX() - dragX, e.getY() - dragY) > 2;
                dragX = e.getX();
                dragY = e.getY();
                requestRedraw();
            }
            updateCursor(e.getX(), e.getY());
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) {
                pick(e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateCursor(e.getX(), e.getY()));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(e.getDeltaY() > 0 ? 0.5 : -0.5, e.getX(), e.getY());
                requestRedraw();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    private void onKey(KeyEvent e) {
        double step = 120;
        switch (e.getCode()) {
            case LEFT -> viewport.panByPixels(step, 0);
            case RIGHT -> viewport.panByPixels(-step, 0);
            case UP -> viewport.panByPixels(0, step);
            case DOWN -> viewport.panByPixels(0, -step);
            case PLUS, EQUALS, ADD -> viewport.zoomAt(1, viewport.widthPx() / 2, viewport.heightPx() / 2);
            case MINUS, SUBTRACT -> viewport.zoomAt(-1, viewport.widthPx() / 2, viewport.heightPx() / 2);
            case HOME -> fitAll();
            default -> {
                return;
            }
        }
        e.consume();
        requestRedraw();
    }

    private void updateCursor(double sx, double sy) {
        LatLon p = LatLon.ofWorld(viewport.worldX(sx), viewport.worldY(sy));
        cursor.set(format(p));
    }

    public static String format(LatLon p) {
        return String.format(Locale.ROOT, "%.5f° %s, %.5f° %s", Math.abs(p.latDeg()), p.latDeg() >= 0 ? "N" : "S",
                Math.abs(p.lonDeg()), p.lonDeg() >= 0 ? "E" : "W");
    }

    private void pick(double sx, double sy) {
        String best = null;
        double bestD = 14;
        for (DroneMarker d : model.drones()) {
            double dist = Math.hypot(viewport.screenX(d.x()) - sx, viewport.screenY(d.y()) - sy);
            if (dist < bestD) {
                bestD = dist;
                best = d.id();
            }
        }
        if (best != null) {
            model.setSelectedDrone(best);
            onDroneClicked.accept(best);
            return;
        }
        bestD = 10;
        for (IncidentMarker m : model.incidents()) {
            double dist = Math.hypot(viewport.screenX(m.x()) - sx, viewport.screenY(m.y()) - sy);
            if (dist < bestD) {
                bestD = dist;
                best = m.id();
            }
        }
        if (best != null) {
            model.setSelectedIncident(best);
            onIncidentClicked.accept(best);
        }
    }

    /** Puts the basemap under the other layers (or replaces the one there). */
    public void setBasemap(TileSource source) {
        layers.removeIf(l -> {
            if (l instanceof BasemapLayer b) {
                b.shutdown();
                return true;
            }
            return false;
        });
        if (source != null) {
            BasemapLayer b = new BasemapLayer(source, this::requestRedraw);
            b.visibleProperty().addListener((o, a, v) -> requestRedraw());
            layers.add(0, b);
        }
        requestRedraw();
    }

    public List<MapLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public MapLayer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no map layer " + name));
    }

    public MapModel model() {
        return model;
    }

    public MapViewport viewport() {
        return viewport;
    }

    public ReadOnlyStringProperty cursorPositionProperty() {
        return cursor.getReadOnlyProperty();
    }

    public void setOnIncidentClicked(Consumer<String> c) {
        onIncidentClicked = c;
    }

    public void setOnDroneClicked(Consumer<String> c) {
        onDroneClicked = c;
    }

    public void requestRedraw() {
        dirty = true;
    }

    public void fitAll() {
        viewport.fit(model.allBounds());
        fitted = true;
        requestRedraw();
    }

    public void centreOn(LatLon p, double minZoom) {
        viewport.setCenter(p.worldX(), p.worldY());
        if (viewport.zoom() < minZoom) {
            viewport.setZoom(minZoom);
        }
        requestRedraw();
    }

    /** How many times the canvas was redrawn; lets tests see that the map follows its model. */
    public long redrawCount() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.setSize(w, h);
            if (!fitted && !model.allBounds().isEmpty() && w > 1) {
                fitAll();
            }
            requestRedraw();
        }
    }

    /** Draws every visible layer now; the FX thread's only map work. */
    public void redraw() {
        dirty = false;
        redraws++;
        if (!fitted && !model.allBounds().isEmpty() && canvas.getWidth() > 1) {
            viewport.fit(model.allBounds());
            fitted = true;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (MapLayer l : layers) {
            if (l.visibleProperty().get()) {
                l.draw(g, viewport, model);
            }
        }
        ScaleBar.draw(g, viewport);
    }

    public Canvas canvas() {
        return canvas;
    }
}
