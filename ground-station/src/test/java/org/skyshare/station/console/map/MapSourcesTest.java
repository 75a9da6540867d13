package org.skyshare.station.console.map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projection, asset reading errors, and both basemap sources (MBTiles file, XYZ over HTTP with a disk cache). */
class MapSourcesTest {
    @TempDir
    Path dir;

    @Test
    void mercatorRoundTripsAndKnownPoints() {
        assertEquals(0.5, WebMercator.x(0), 1e-12);
        assertEquals(0.5, WebMercator.y(0), 1e-12);
        assertEquals(30.4, WebMercator.latDeg(WebMercator.y(30.4)), 1e-9);
        assertEquals(119.8, WebMercator.lonDeg(WebMercator.x(119.8)), 1e-9);
        MapViewport vp = new MapViewport();
        vp.setSize(800, 600);
        vp.setCenter(WebMercator.x(119.8), WebMercator.y(30.4));
        vp.setZoom(14);
        vp.zoomAt(1, 100, 100);
        double wx = vp.worldX(100);
        vp.zoomAt(-1, 100, 100);
        assertEquals(wx, vp.worldX(100), 1e-12, "zooming keeps the point under the cursor");
        // at zoom 14 near 30.4° N one pixel is about 8.2 m
        vp.setZoom(14);
        assertEquals(8.24, vp.metresPerPixel(), 0.05);
        assertEquals(500, ScaleBar.niceMetres(987));
        assertEquals(2000, ScaleBar.niceMetres(2100));
    }

    @Test
    void badAssetFilesNameTheFileFeatureAndField() throws Exception {
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{\"type\": \"FeatureCollection\", \"features\": [\n"
                + "{\"type\": \"Feature\", \"properties\": {\"id\": \"f1\", \"kind\": \"tower\"},"
                + " \"geometry\": {\"type\": \"Point\", \"coordinates\": [200, 30]}}]}");
        AssetLoadException e = assertThrows(AssetLoadException.class, () -> GeoJsonAssets.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": features[0] (f1): coordinate [200.0, 30.0] is outside"), e.getMessage());
        Path notJson = dir.resolve("not.geojson");
        Files.writeString(notJson, "{\n\"type\": \"FeatureCollection\",\n \"features\": [ oops");
        AssetLoadException e2 = assertThrows(AssetLoadException.class, () -> GeoJsonAssets.read(notJson));
        assertTrue(e2.getMessage().startsWith(notJson + ": not valid JSON: line 3"), e2.getMessage());
        AssetLoadException e3 = assertThrows(AssetLoadException.class, () -> GeoJsonAssets.read(dir.resolve("missing.geojson")));
        assertTrue(e3.getMessage().endsWith("missing.geojson: no such file; expected a GeoJSON asset file"), e3.getMessage());
    }

    @Test
    void mbtilesRowsAreFlippedToXyz() throws Exception {
        Path file = dir.resolve("base.mbtiles");
        byte[] tile = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (var ps = c.prepareStatement("INSERT INTO tiles VALUES (14, 13643, ?, ?)")) {
                ps.setInt(1, (1 << 14) - 1 - 6740); // TMS row of XYZ y 6740
                ps.setBytes(2, tile);
                ps.execute();
            }
        }
        try (MbTilesSource src = new MbTilesSource(file)) {
            assertEquals(14, src.maxZoom());
            assertArrayEquals(tile, src.read(14, 13643, 6740).orElseThrow());
            assertTrue(src.read(14, 13643, 6741).isEmpty());
        }
        Path notDb = dir.resolve("text.mbtiles");
        Files.writeString(notDb, "not a database");
        AssetLoadException e = assertThrows(AssetLoadException.class, () -> new MbTilesSource(notDb));
        assertTrue(e.getMessage().startsWith(notDb + ": not a readable MBTiles file"), e.getMessage());
    }

    @Test
    void xyzTilesAreCachedAndServedWithoutTheNetworkAfterwards() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tiles/", ex -> {
            hits.incrementAndGet();
            byte[] body = ex.getRequestURI().getPath().getBytes();
            int code = ex.getRequestURI().getPath().endsWith("/404.png") ? 404 : 200;
            ex.sendResponseHeaders(code, code == 200 ? body.length : -1);
            if (code == 200) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";
        XyzTileSource src = new XyzTileSource(url, dir.resolve("cache"), 19);
        try {
            assertEquals("/tiles/14/13643/6740.png", new String(src.read(14, 13643, 6740).orElseThrow()));
            assertTrue(src.read(14, 13643, 404).isEmpty(), "a missing tile is empty, not an error");
        } finally {
            server.stop(0);
        }
        assertEquals("/tiles/14/13643/6740.png", new String(src.read(14, 13643, 6740).orElseThrow()), "served from the cache");
        assertEquals(2, hits.get());
        assertThrows(AssetLoadException.class, () -> new XyzTileSource("http://x/tiles.png", dir, 19));
    }
}
