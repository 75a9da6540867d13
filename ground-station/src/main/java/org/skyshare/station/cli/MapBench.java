package org.skyshare.station.cli;

import javafx.application.Platform;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.station.console.FxLauncher;
import org.skyshare.station.console.map.GeoJsonAssets;
import org.skyshare.station.console.map.MapBenchmark;
import org.skyshare.station.console.map.MapFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code skyshare bench map}: frame time of a console map redraw with a fleet and many incidents on it. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Frame time of a console map redraw (move drones, redraw, rasterise) with N drones and M incidents.")
public final class MapBench implements Callable<Integer> {
    @Option(names = "--drones", defaultValue = "20", description = "drones on the map (default: ${DEFAULT-VALUE})")
    int drones;

    @Option(names = "--incidents", defaultValue = "1000", description = "incidents on the map (default: ${DEFAULT-VALUE})")
    int incidents;

    @Option(names = "--frames", defaultValue = "300", description = "measured frames per view (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--warmup", defaultValue = "100", description = "unmeasured frames first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--assets", paramLabel = "F", description = "asset file drawn under them (default: the Jingshan sample)")
    Path assets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (drones < 0 || incidents < 0 || frames < 1 || warmup < 0) {
            throw new IllegalArgumentException("--drones and --incidents must be >= 0, --frames >= 1, --warmup >= 0");
        }
        List<MapFeature> features = GeoJsonAssets.read(assets != null ? assets : ConsoleCommand.defaultSample());
        FxLauncher.start("skyshare bench map");
        var out = spec.commandLine().getOut();
        List<MapBenchmark.Result> results = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("map frames").setInitialMax(2L * (frames + warmup))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
            MapBenchmark bench = onFx(() -> new MapBenchmark(features, drones, incidents, 1366 - 460, 768 - 70));
            long[] done = {0};
            for (Object[] view : new Object[][] {{"whole area", 0.0}, {"zoomed in x4", 2.0}}) {
                onFx(() -> bench.run("warm-up", (double) view[1], Math.max(1, warmup), i -> { }));
                bar.stepBy(warmup);
                done[0] += warmup;
                MapBenchmark.Result r = onFx(() -> bench.run((String) view[0], (double) view[1], frames, i -> { }));
                bar.stepBy(frames);
                results.add(r);
            }
        }
        out.printf(Locale.ROOT, "map %dx%d px, %d drones (trails of %d), %d incidents, %d assets; %d frames per view%n",
                1366 - 460, 768 - 70, drones, org.skyshare.station.console.map.MapModel.TRAIL_LENGTH, incidents,
                features.size(), frames);
        out.printf(Locale.ROOT, "%-14s %10s %10s %10s %14s%n", "view", "median ms", "p95 ms", "max ms", "draw-only ms");
        for (MapBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-14s %10.2f %10.2f %10.2f %14.2f%n", r.view(), r.medianMs(), r.p95Ms(), r.maxMs(),
                    r.drawOnlyMedianMs());
        }
        out.flush();
        Platform.exit();
        return 0;
    }

    private static <T> T onFx(java.util.function.Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }
}
