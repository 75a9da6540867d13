package org.skyshare.planner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.sortie.DockSite;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a plan folder: {@code plan.json}, {@code plan.kml}, {@code plan.geojson}, {@code qgc/<sortie>.plan}
 * and {@code missions/<sortie>.json} (MAVLink items for the station). Everything is written into a
 * temporary sibling folder first and moved into place at the end, so the folder is never half written;
 * an existing plan folder is replaced whole.
 */
public final class PlanExporter {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private PlanExporter() {
    }

    /** Files written, relative to the folder, in writing order (QGC surveys as pattern items). */
    public static List<String> write(Plan plan, Path out) {
        return write(plan, out, QgcStyle.SURVEY);
    }

    /** As {@link #write(Plan, Path)}, with the QGC plans in the given style. */
    public static List<String> write(Plan plan, Path out, QgcStyle qgcStyle) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ExportException(out + ": exists and is not a folder; give --out a folder path");
        }
        Path parent = target.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new ExportException(out + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        try {
            List<String> files = writeAll(plan, tmp, qgcStyle);
            replace(tmp, target);
            return files;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (e instanceof ExportException ee) {
                throw ee;
            }
            throw new ExportException(out + ": cannot write the plan (" + e.getMessage() + "); nothing was changed", e);
        }
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
            JSON.writeValue(dir.resolve("qgc").resolve(s.id() + ".plan").toFile(), QgcPlanWriter.plan(plan, s, dock.aircraft(), qgcStyle));
            Files.writeString(dir.resolve("missions").resolve(s.id() + ".json"), MissionItems.toJson(MissionItems.of(s, dock.aircraft().autopilot())));
            files.add("qgc/" + s.id() + ".plan");
            files.add("missions/" + s.id() + ".json");
            if (WpmlRouteWriter.model(dock.aircraft()).isPresent()) {
                Files.createDirectories(dir.resolve("dji"));
                try (var o = Files.newOutputStream(dir.resolve("dji").resolve(s.id() + ".kmz"))) {
                    WpmlRouteWriter.write(plan, s, dock.aircraft(), o);
                }
                files.add("dji/" + s.id() + ".kmz");
            }
        }
        return files;
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            move(target, old);
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: a leftover temp folder is harmless and hidden
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
