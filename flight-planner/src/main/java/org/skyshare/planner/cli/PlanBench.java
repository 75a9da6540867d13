package org.skyshare.planner.cli;

import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.bench.CityGenerator;
import org.skyshare.planner.bench.ShapeBench;
import org.skyshare.planner.coverage.validate.CoverageValidator;
import org.skyshare.planner.plan.AreaCoverage;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.ProgressListener;
import org.skyshare.profiles.ProfileCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.skyshare.planner.bench.SyntheticHills;
import org.skyshare.planner.terrain.GeoTiffTerrain;
import org.skyshare.planner.terrain.Terrain;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code skyshare bench plan}: planning time of the Jingshan sample (cold and warm), a generated
 * city-scale input (time and peak heap), and path efficiency against the area/spacing bound per
 * shape class.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Planner speed, memory and path efficiency; prints a Markdown report.")
public class PlanBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--assets", paramLabel = "FILE", description = "sample to time (default: the shared Jingshan sample)")
    Path sample;

    @Option(names = "--runs", defaultValue = "10", description = "warm runs of the sample (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the generated city (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--area-km2", defaultValue = "10000", description = "forest area of the generated city (default: ${DEFAULT-VALUE})")
    double areaKm2;

    @Option(names = "--rivers", defaultValue = "500")
    int rivers;

    @Option(names = "--lines", defaultValue = "100")
    int lines;

    @Option(names = "--docks", defaultValue = "200")
    int docks;

    @Option(names = "--no-fly", defaultValue = "40")
    int noFly;

    @Option(names = "--shapes", defaultValue = "30", description = "random shapes per class for path efficiency (default: ${DEFAULT-VALUE})")
    int shapes;

    @Option(names = "--hills", description = "also plan the sample and the city over synthetic hill country (terrain following, see SyntheticHills)")
    boolean hills;

    @Option(names = "--dem", paramLabel = "FILE", description = "also plan the sample over this DEM GeoTIFF (read time and warm plan time)")
    Path dem;

    @Option(names = "--skip-city", description = "leave out the city-scale run")
    boolean skipCity;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        Path file = sample != null ? sample : defaultSample();
        if (file != null) {
            long t0 = System.nanoTime();
            AssetSet set = AssetReader.read(file);
            double readMs = ms(t0);
            t0 = System.nanoTime();
            Plan first = Planner.plan(set, PlanParameters.defaults(), catalog, ProgressListener.NONE);
            double coldMs = ms(t0);
            double[] warm = new double[Math.max(1, runs)];
            for (int i = 0; i < warm.length; i++) {
                t0 = System.nanoTime();
                Planner.plan(set, PlanParameters.defaults(), catalog, ProgressListener.NONE);
                warm[i] = ms(t0);
            }
            double[] fast = new double[warm.length];
            for (int i = 0; i < warm.length; i++) {
                t0 = System.nanoTime();
                Planner.plan(set, PlanParameters.defaults().withMeasureCoverage(false), catalog, ProgressListener.NONE);
                fast[i] = ms(t0);
            }
            Arrays.sort(warm);
            Arrays.sort(fast);
            o.printf(Locale.ROOT, "## Sample %s%n", file.getFileName());
            o.printf(Locale.ROOT, "read %.0f ms; plan cold (first in JVM) %.0f ms; warm median %.0f ms (min %.0f) with covered-area measurement, "
                    + "%.0f ms (min %.0f) without; %d sorties, %d waypoints%n%n", readMs, coldMs, warm[warm.length / 2], warm[0],
                    fast[fast.length / 2], fast[0], first.sorties().size(), first.stats().waypoints());
            if (dem != null || hills) {
                t0 = System.nanoTime();
                Terrain terrain = dem != null ? GeoTiffTerrain.open(dem) : hills(set);
                double demMs = ms(t0);
                double[] over = new double[warm.length];
                Plan p = null;
                for (int i = 0; i < over.length; i++) {
                    t0 = System.nanoTime();
                    p = Planner.plan(set, PlanParameters.defaults(), catalog, ProgressListener.NONE, terrain);
                    over[i] = ms(t0);
                }
                Arrays.sort(over);
                o.printf(Locale.ROOT, "over %s: terrain opened in %.0f ms; plan warm median %.0f ms (min %.0f) with covered-area measurement; "
                        + "%d sorties, %d waypoints, longest sortie %.0f s%n%n", terrain.source(), demMs, over[over.length / 2], over[0],
                        p.sorties().size(), p.stats().waypoints(), p.stats().maxSortieTimeS());
            }
        }
        if (!skipCity) {
            city(o, catalog);
        }
        o.println("## Path efficiency (survey line length / (area / line spacing), whole shapes, no cells)");
        for (ShapeBench.Row r : ShapeBench.run(seed, shapes)) {
            o.printf(Locale.ROOT, "%-11s n=%d  lines: mean %.3f, worst %.3f   lines+connections: mean %.3f, worst %.3f   coverage min %.4f%n",
                    r.shapeClass(), r.count(), r.meanLines(), r.worstLines(), r.meanPath(), r.worstPath(), r.minCoverage());
        }
        o.flush();
        return 0;
    }

    private void city(PrintWriter o, ProfileCatalog catalog) throws Exception {
        Path dir = Files.createTempDirectory("skyshare-bench-");
        Path file = dir.resolve("city.geojson");
        try {
            long t0 = System.nanoTime();
            CityGenerator.Counts c = CityGenerator.write(file, seed, areaKm2, rivers, lines, docks, noFly);
            double genMs = ms(t0);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            t0 = System.nanoTime();
            AssetSet set = AssetReader.read(file);
            double readMs = ms(t0);
            t0 = System.nanoTime();
            java.util.Map<String, Double> stageMs = new java.util.LinkedHashMap<>();
            long[] mark = {System.nanoTime()};
            String[] stage = {"start"};
            long cpu0 = processCpuNs();
            Plan plan = Planner.plan(set, PlanParameters.defaults().withMeasureCoverage(false), catalog, (st, done, total) -> {
                if (!st.equals(stage[0])) {
                    stageMs.merge(stage[0], ms(mark[0]), Double::sum);
                    mark[0] = System.nanoTime();
                    stage[0] = st;
                }
            }, hills ? hills(set) : null);
            stageMs.merge(stage[0], ms(mark[0]), Double::sum);
            double planMs = ms(t0);
            double cpuS = (processCpuNs() - cpu0) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long retained = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            double budget = plan.docks().stream().mapToDouble(d -> d.budgetS()).min().orElse(0);
            List<AreaCoverage> pieces = new ArrayList<>(plan.coverage());
            Collections.shuffle(pieces, new Random(seed));
            double a = 0;
            double cov = 0;
            for (AreaCoverage p : pieces.subList(0, Math.min(300, pieces.size()))) {
                Geometry t = p.targetLocal();
                a += t.getArea();
                cov += CoverageValidator.coveredAreaM2(t, p.flownTransects(), plan.swathWidthM());
            }
            o.printf(Locale.ROOT, "## Generated city (seed %d)%s%n", seed, hills ? ", over synthetic hills (terrain following)" : "");
            o.printf(Locale.ROOT, "input: %.0f km2 of forest in %d patches, %d rivers, %d power lines with %d towers, %d docks, %d no-fly zones "
                    + "(%.1f MB GeoJSON, generated in %.0f ms)%n", c.forestKm2(), c.forests(), c.rivers(), c.lines(), c.towers(), c.docks(), c.noFly(),
                    Files.size(file) / 1e6, genMs);
            o.printf(Locale.ROOT, "read %.1f s, plan %.1f s (total %.1f s); peak heap %d MB during read+plan, %d MB retained with the plan%n",
                    readMs / 1000, planMs / 1000, (readMs + planMs) / 1000, peak >> 20, retained >> 20);
            o.printf(Locale.ROOT, "process CPU during plan ~%.1f s; wall time by stage (ms, stage named by what follows it): %s%n", cpuS, stageMs);
            java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
            plan.unplanned().forEach(u -> reasons.merge(u.reason().replaceAll("[0-9]+", "#").replaceAll("(task|piece|chunk|dock|cell|tower) [^ ]+", "$1 X"), 1L, Long::sum));
            o.printf(Locale.ROOT, "unplanned by reason: %s%n", reasons);
            o.printf(Locale.ROOT, "output: %d sorties, %d waypoints, %d grid cells, %.0f km flown, longest sortie %.0f s (budget %.0f s), %d unplanned pieces%n",
                    plan.sorties().size(), plan.stats().waypoints(), plan.grid().cells().size(), plan.stats().totalLengthM() / 1000,
                    plan.stats().maxSortieTimeS(), budget, plan.stats().unplanned());
            o.printf(Locale.ROOT, "coverage on 300 random pieces: %.4f; target %.0f km2, pieces flown %.0f km2 (claimed)%n%n",
                    a > 0 ? cov / a : 1, plan.stats().areaM2() / 1e6, plan.stats().coveredAreaM2() / 1e6);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static Terrain hills(AssetSet set) {
        var c = set.bounds().centre();
        return new SyntheticHills(c.x, c.y);
    }

    private static long processCpuNs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static Path defaultSample() {
        for (String p : new String[] {System.getProperty("skyshare.shared.dir", "") + "/data/jingshan/jingshan.geojson",
                "../shared/data/jingshan/jingshan.geojson", "/work/shared/data/jingshan/jingshan.geojson"}) {
            if (Files.isRegularFile(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
