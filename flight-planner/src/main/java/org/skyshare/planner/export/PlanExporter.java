package org.skyshare.planner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.sortie.DockSite;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a plan folder: {@code plan.json}, {@code plan.kml}, {@code plan.geojson}, {@code qgc/<sortie>.plan}
 * and {@code missions/<sortie>.json} (MAVLink items for the station). The files are staged and moved
 * into place, so none is ever half written; a folder written before by skyshare has its own files
 * replaced, and a folder holding anything else is refused (see {@link OwnedOutputFolder}).
 */
public final class PlanExporter {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();
    /** Every name a plan folder holds; sortie ids are dock ids, checked by the asset readers. */
    static final Pattern PLAN_FILES = Pattern.compile("plan\\.(json|kml|geojson)|qgc/[^/\\\\]+\\.plan|missions/[^/\\\\]+\\.json|dji/[^/\\\\]+\\.kmz");

    private PlanExporter() {
    }

    /** Files written, relative to the folder, in writing order (QGC surveys as pattern items). */
    public static List<String> write(Plan plan, Path out) {
        return write(plan, out, QgcStyle.SURVEY);
    }

    /** As {@link #write(Plan, Path)}, with the QGC plans in the given style. */
    public static List<String> write(Plan plan, Path out, QgcStyle qgcStyle) {
        return new OwnedOutputFolder(out, PLAN_FILES).write(dir -> writeAll(plan, dir, qgcStyle));
    }

    private static List<String> writeAll(Plan plan, Path dir, QgcStyle qgcStyle) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        JSON.writeValue(dir.resolve("plan.json").toFile(), PlanJson.full(plan));
        files.add("plan.json");
        try (Writer w = Files.newBufferedWriter(dir.resolve("plan.kml"), StandardCharsets.UTF_8)) {
            KmlPlanWriter.write(plan, w);
        }
        files.add("plan.kml");
        JSON.writeValue(dir.resolve("plan.geojson").toFile(), GeoJsonPlanWriter.collection(plan));
        files.add("plan.geojson");
        Files.createDirectories(dir.resolve("qgc"));
        Files.createDirectories(dir.resolve("missions"));
        for (Sortie s : plan.sorties()) {
            DockSite dock = plan.docks().stream().filter(d -> d.id().equals(s.dockId())).findFirst().orElseThrow();
            String qgc = "qgc/" + s.id() + ".plan";
            String mission = "missions/" + s.id() + ".json";
            JSON.writeValue(file(dir, qgc, s).toFile(), QgcPlanWriter.plan(plan, s, dock.aircraft(), qgcStyle));
            Files.writeString(file(dir, mission, s), MissionItems.toJson(MissionItems.of(s, dock.aircraft().autopilot())));
            files.add(qgc);
            files.add(mission);
            if (WpmlRouteWriter.model(dock.aircraft()).isPresent()) {
                String kmz = "dji/" + s.id() + ".kmz";
                Files.createDirectories(dir.resolve("dji"));
                try (var o = Files.newOutputStream(file(dir, kmz, s))) {
                    WpmlRouteWriter.write(plan, s, dock.aircraft(), o);
                }
                files.add(kmz);
            }
        }
        return files;
    }

    /** A sortie's file, checked before it is written: the id comes from an input file. */
    private static Path file(Path dir, String name, Sortie s) {
        if (!PLAN_FILES.matcher(name).matches()) { // one name below qgc/, missions/ or dji/, no separator
            throw new ExportException("sortie id '" + s.id() + "' (dock '" + s.dockId() + "') cannot be used as a file name; "
                    + "give the dock an id of letters, digits, '-', '_' or '.'. Nothing was written.");
        }
        return dir.resolve(name);
    }
}
