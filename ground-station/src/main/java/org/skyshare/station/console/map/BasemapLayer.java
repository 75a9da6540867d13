package org.skyshare.station.console.map;

import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Basemap tiles under everything else. Missing tiles are requested from loader threads and the
 * map redraws when they arrive; until then (or with no source at all) the plain background shows.
 */
public final class BasemapLayer extends MapLayer {
    private static final int CACHE_TILES = 512;
    private final TileSource source;
    private final Runnable redraw;
    private final ExecutorService loaders;
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> e) {
            return size() > CACHE_TILES;
        }
    };
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    public BasemapLayer(TileSource source, Runnable redraw) {
        super("Basemap");
        this.source = source;
        this.redraw = redraw;
        this.loaders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "basemap-tiles");
            t.setDaemon(true);
            return t;
        });
    }

    public TileSource source() {
        return source;
    }

    @Override
    public void draw(GraphicsContext g, MapViewport vp, MapModel model) {
        int z = (int) Math.max(0, Math.min(source.maxZoom(), Math.round(vp.zoom())));
        int n = 1 << z;
        double tilePx = vp.pixelsPerUnit() / n;
        Bounds v = vp.visible();
        int x0 = (int) Math.max(0, Math.floor(v.minX() * n));
        int x1 = (int) Math.min(n - 1, Math.floor(v.maxX() * n));
        int y0 = (int) Math.max(0, Math.floor(v.minY() * n));
        int y1 = (int) Math.min(n - 1, Math.floor(v.maxY() * n));
        for (int tx = x0; tx <= x1; tx++) {
            for (int ty = y0; ty <= y1; ty++) {
                String key = z + "/" + tx + "/" + ty;
                Image img = cache.get(key);
                if (img == null) {
                    request(key, z, tx, ty);
                    continue;
                }
                // half a pixel of overlap hides seams between scaled tiles
                g.drawImage(img, vp.screenX((double) tx / n), vp.screenY((double) ty / n), tilePx + 0.5, tilePx + 0.5);
            }
        }
    }

    private void request(String key, int z, int x, int y) {
        if (missing.contains(key) || !inFlight.add(key)) {
            return;
        }
        loaders.submit(() -> {
            try {
                var bytes = source.read(z, x, y);
                if (bytes.isEmpty()) {
                    missing.add(key);
                    return;
                }
                Image img = new Image(new ByteArrayInputStream(bytes.get()));
                Platform.runLater(() -> {
                    cache.put(key, img);
                    redraw.run();
                });
            } catch (Exception e) {
                missing.add(key);
            } finally {
                inFlight.remove(key);
            }
        });
    }

    public void shutdown() {
        loaders.shutdownNow();
        source.close();
    }
}
