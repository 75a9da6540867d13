package org.skyshare.planner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.export.PlanExporter;
import org.skyshare.planner.export.PlanJson;
import org.skyshare.planner.export.QgcStyle;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanException;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.ProgressListener;
import org.skyshare.planner.plan.Unplanned;
import org.skyshare.planner.plan.validate.PlanValidator;
import org.skyshare.planner.plan.validate.Violation;
import org.skyshare.planner.terrain.GeoTiffTerrain;
import org.skyshare.planner.terrain.Terrain;
import org.skyshare.profiles.ProfileCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code skyshare plan}: assets in, routes and sorties out. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans grid cells, area coverage, river and power-line routes, and battery-bounded sorties per dock.",
                "Writes plan.json, plan.kml, plan.geojson, qgc/<sortie>.plan (QGroundControl) and missions/<sortie>.json (MAVLink items)."})
public class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--assets", required = true, arity = "1..*", paramLabel = "FILE",
            description = "asset files: GeoJSON (.geojson/.json), KML (.kml) or GeoPackage (.gpkg)")
    List<Path> assets;

    @Option(names = "--aircraft", paramLabel = "ID", description = "aircraft for every dock (default: each dock profile's own aircraft)")
    String aircraft;

    @Option(names = "--camera", paramLabel = "ID", description = "camera for area coverage (default: the aircraft's thermal camera)")
    String camera;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "plan", description = "output folder: new, empty, or written before by skyshare (only its own files are replaced) (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "print the summary as JSON on standard output")
    boolean json;

    @Option(names = "--cell-size", paramLabel = "M", defaultValue = "1000", description = "grid cell side in metres (default: ${DEFAULT-VALUE})")
    double cellSizeM;

    @Option(names = "--gsd", paramLabel = "M", defaultValue = "0.15", description = "wanted ground sample distance in m/px; sets the survey height (default: ${DEFAULT-VALUE})")
    double gsdM;

    @Option(names = "--side-overlap", paramLabel = "F", defaultValue = "0.2", description = "side overlap of neighbouring survey lines, 0..0.95 (default: ${DEFAULT-VALUE})")
    double sideOverlap;

    @Option(names = "--profiles", paramLabel = "DIR", description = "folder of extra or overriding hardware profiles (YAML)")
    Path profiles;

    @Option(names = "--check", description = "validate the plan (coverage >= 0.99, no-fly, endurance, radius) and write nothing if it fails")
    boolean check;

    @Option(names = "--qgc-items", paramLabel = "STYLE", defaultValue = "survey",
            description = "QGroundControl plans: 'survey' (area lines as editable survey items, river passes as corridor scans) or 'waypoints' (plain items) (default: ${DEFAULT-VALUE})")
    String qgcItems;

    @Option(names = "--dem", paramLabel = "FILE",
            description = "DEM GeoTIFF of ground heights (SRTM, Copernicus GLO-30, a local survey): every leg follows the terrain at the survey height")
    Path dem;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        if (!(sideOverlap >= 0 && sideOverlap <= 0.95)) {
            throw new PlanException("--side-overlap must be between 0 and 0.95, got " + sideOverlap);
        }
        QgcStyle qgcStyle = switch (qgcItems.toLowerCase(Locale.ROOT)) {
            case "survey" -> QgcStyle.SURVEY;
            case "waypoints" -> QgcStyle.WAYPOINTS;
            default -> throw new PlanException("--qgc-items must be 'survey' or 'waypoints', got '" + qgcItems + "'");
        };
        PlanParameters params = PlanParameters.defaults().withAircraft(aircraft).withCamera(camera).withCellSize(cellSizeM)
                .withGsd(gsdM).withSideOverlap(sideOverlap);
        ProfileCatalog catalog = profiles == null ? ProfileCatalog.builtIn() : ProfileCatalog.withFolder(profiles);
        PrintWriter o = spec.commandLine().getOut();
        Plan plan;
        List<String> files;
        try (Progress progress = new Progress(!noProgress)) {
            progress.listener().progress("read", 0, 1);
            AssetSet set = AssetReader.read(assets);
            Terrain terrain = dem == null ? null : GeoTiffTerrain.open(dem);
            plan = Planner.plan(set, params, catalog, progress.listener(), terrain);
            if (check) {
                PlanValidator.Report r = PlanValidator.validate(plan);
                if (!r.ok()) {
                    List<Violation> v = r.violations();
                    throw new PlanException("the plan breaks " + v.size() + " rule(s), nothing written; first: "
                            + String.join("; ", v.stream().limit(5).map(Violation::toString).toList()));
                }
            }
            progress.listener().progress("export", 0, 1);
            files = PlanExporter.write(plan, out, qgcStyle);
            progress.listener().progress("export", 1, 1);
        }
        if (json) {
            try {
                o.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(PlanJson.summary(plan)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot print the summary: " + e.getMessage(), e);
            }
        } else {
            var s = plan.stats();
            o.printf(Locale.ROOT, "%d sorties from %d docks, %d waypoints, %d inspection points (%d tower inspections)%n", s.sorties(),
                    plan.docks().size(), s.waypoints(), s.inspectionPoints(), s.inspectionPoints() - s.photoPoints());
            o.printf(Locale.ROOT, "area %.2f km2, covered %.2f km2 (%.2f%%), flown %.1f km, longest sortie %.0f s%n", s.areaM2() / 1e6,
                    s.coveredAreaM2() / 1e6, s.areaM2() > 0 ? 100 * s.coveredAreaM2() / s.areaM2() : 100, s.totalLengthM() / 1000, s.maxSortieTimeS());
            o.printf(Locale.ROOT, "aircraft %s, camera %s at %.0f m, line spacing %.0f m%n", plan.aircraft().id(), plan.camera().id(),
                    plan.altitudeM(), plan.lineSpacingM());
            o.println("terrain: " + PlanJson.terrainNote(plan));
            for (Unplanned u : plan.unplanned()) {
                o.println("unplanned: " + u.assetId() + ": " + u.reason());
            }
            plan.repairs().forEach(r -> o.println("repaired: " + r));
            if (check) {
                o.println("check: every rule holds");
            }
            o.println("wrote " + files.size() + " files to " + out);
        }
        o.flush();
        return 0;
    }

    /** Stage-weighted progress bar on standard error. */
    private static final class Progress implements AutoCloseable {
        private static final Map<String, int[]> STAGES = Map.of(
                "read", new int[] {0, 5}, "grid", new int[] {5, 5}, "coverage", new int[] {10, 50}, "corridors", new int[] {60, 5},
                "sorties", new int[] {65, 20}, "terrain", new int[] {85, 0}, "statistics", new int[] {85, 10}, "export", new int[] {95, 5});
        private final ProgressBar bar;

        Progress(boolean show) {
            bar = show ? new ProgressBarBuilder().setTaskName("plan").setInitialMax(100).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build() : null;
        }

        ProgressListener listener() {
            return (stage, done, total) -> {
                if (bar == null) {
                    return;
                }
                int[] w = STAGES.getOrDefault(stage, new int[] {0, 0});
                bar.stepTo(Math.max(bar.getCurrent(), w[0] + (total <= 0 ? 0 : (long) w[1] * done / total)));
                bar.setExtraMessage(stage);
            };
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.stepTo(100);
                bar.close();
            }
        }
    }
}
