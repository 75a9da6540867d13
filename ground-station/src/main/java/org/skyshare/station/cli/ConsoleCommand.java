package org.skyshare.station.cli;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.config.StationConfigFile;
import org.skyshare.station.console.ConsoleServices;
import org.skyshare.station.console.ConsoleWindow;
import org.skyshare.station.console.FxLauncher;
import org.skyshare.station.console.alerts.AlertQueue;
import org.skyshare.station.console.fleet.FleetView;
import org.skyshare.station.console.live.FrameFeed;
import org.skyshare.station.console.map.MbTilesSource;
import org.skyshare.station.console.map.TileSource;
import org.skyshare.station.console.map.XyzTileSource;
import org.skyshare.station.console.plan.PlanServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code skyshare console [--config F]}: the operator console on files (assets, plans); no fleet attached. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the JavaFX operator console. Without --config it opens the Jingshan sample.")
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "F", description = "station configuration (YAML); its asset files are loaded")
    Path config;

    @Option(names = "--assets", paramLabel = "F", arity = "1..*", description = "asset files (GeoJSON) to load instead")
    List<Path> assets = new ArrayList<>();

    @Option(names = "--mbtiles", paramLabel = "F", description = "offline basemap (MBTiles file)")
    Path mbtiles;

    @Option(names = "--tiles-url", paramLabel = "URL", description = "XYZ basemap URL template with {z}/{x}/{y}, cached on disk")
    String tilesUrl;

    @Option(names = "--tile-cache", paramLabel = "DIR", description = "where XYZ tiles are cached (default: .skyshare/tiles)")
    Path tileCache = Path.of(".skyshare", "tiles");

    @Option(names = "--reviewer", description = "name recorded with review decisions (default: the login name)")
    String reviewer;

    @Override
    public Integer call() throws Exception {
        List<Path> files = assetFiles();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": asset file not found");
            }
        }
        TileSource basemap = basemap();
        ConsoleServices services = new ConsoleServices(files, PlanServices.installed(), FleetView.none(),
                AlertQueue.none(), FrameFeed.none(), basemap, reviewer);
        FxLauncher.start("skyshare console");
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            ConsoleWindow.show(stage, services, closed::countDown);
        });
        closed.await();
        Platform.exit();
        return 0;
    }

    List<Path> assetFiles() {
        if (!assets.isEmpty()) {
            return assets;
        }
        if (config != null) {
            StationConfig c = StationConfigFile.read(config);
            return c.assets();
        }
        return List.of(defaultSample());
    }

    /** The Jingshan sample beside the repository (the launcher passes its place as skyshare.shared.dir). */
    static Path defaultSample() {
        String shared = System.getProperty("skyshare.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (shared != null) {
            candidates.add(Path.of(shared, "data", "jingshan", "jingshan.geojson"));
        }
        candidates.add(Path.of("..", "shared", "data", "jingshan", "jingshan.geojson"));
        candidates.add(Path.of("shared", "data", "jingshan", "jingshan.geojson"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the Jingshan sample was not found (looked at " + candidates
                        + "); pass --config F or --assets F"));
    }

    TileSource basemap() {
        if (mbtiles != null && tilesUrl != null) {
            throw new IllegalArgumentException("choose one basemap: --mbtiles or --tiles-url, not both");
        }
        if (mbtiles != null) {
            return new MbTilesSource(mbtiles);
        }
        if (tilesUrl != null) {
            return new XyzTileSource(tilesUrl, tileCache, 19);
        }
        return null;
    }
}
