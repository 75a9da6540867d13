package org.skyshare.station.console.map;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Tiles from an XYZ URL template ({z}/{x}/{y}) kept in an on-disk cache, so a map seen once
 * works again without the network. Cache files are written to a temp name, then moved.
 */
public final class XyzTileSource implements TileSource {
    private final String template;
    private final Path cacheDir;
    private final int maxZoom;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public XyzTileSource(String template, Path cacheDir, int maxZoom) {
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new AssetLoadException("basemap URL '" + template + "' must contain {z}, {x} and {y}");
        }
        this.template = template;
        this.cacheDir = cacheDir;
        this.maxZoom = maxZoom;
    }

    @Override
    public Optional<byte[]> read(int zoom, int x, int y) throws IOException {
        Path cached = cacheDir.resolve(zoom + "/" + x + "/" + y + ".tile");
        if (Files.isRegularFile(cached)) {
            return Optional.of(Files.readAllBytes(cached));
        }
        URI uri = URI.create(template.replace("{z}", Integer.toString(zoom))
                .replace("{x}", Integer.toString(x)).replace("{y}", Integer.toString(y)));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("User-Agent", "Skyshare-console/0.1").GET().build();
        try {
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                return Optional.empty();
            }
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "tile", ".part");
            Files.write(tmp, res.body());
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public String describe() {
        return "XYZ " + URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")).getHost();
    }
}
