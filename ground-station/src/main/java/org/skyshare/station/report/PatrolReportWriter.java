package org.skyshare.station.report;

import org.skyshare.planner.assets.AssetSet;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a patrol report as Markdown with a map image beside it. Both files are written to
 * temporary names and moved into place, so a reader never sees half a report.
 */
public final class PatrolReportWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PatrolReportWriter() {
    }

    /** Writes {@code <name>.md} and {@code <name>.png} into a folder; returns the Markdown file. */
    public static Path write(PatrolReport report, AssetSet assets, Path folder, String name) {
        Path pngTmp = null;
        Path mdTmp = null;
        try {
            Files.createDirectories(folder);
            Path png = folder.resolve(name + ".png");
            Path md = folder.resolve(name + ".md");
            pngTmp = Files.createTempFile(folder, name, ".png.part");
            mdTmp = Files.createTempFile(folder, name, ".md.part");
            ImageIO.write(new ReportMap(assets.bounds(), 1200).draw(assets, report), "png", pngTmp.toFile());
            Files.writeString(mdTmp, markdown(report, png.getFileName().toString()));
            Files.move(pngTmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(mdTmp, md, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the patrol report into " + folder + ": " + e.getMessage(), e);
        } finally {
            // a failed write leaves no half-written .part files behind (after the moves they are gone already)
            deleteQuietly(pngTmp);
            deleteQuietly(mdTmp);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the report's outcome is already decided
        }
    }

    static String markdown(PatrolReport r, String mapFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Patrol report, station ").append(r.stationId()).append("\n\n");
        md.append("From ").append(TIME.format(r.startedAt())).append(" to ").append(TIME.format(r.endedAt()))
                .append(" (").append(duration(Duration.between(r.startedAt(), r.endedAt()))).append(").\n\n");
        long sent = r.incidents().stream().mapToInt(PatrolReport.IncidentSummary::alertsSent).sum();
        long acked = r.incidents().stream().filter(i -> !i.acknowledgedBy().isEmpty()).count();
        md.append(String.format(Locale.ROOT, "- sorties flown: %d%n- incidents found: %d%n- alerts sent: %d, incidents acknowledged: %d of %d%n%n",
                r.sorties().size(), r.incidents().size(), sent, acked, r.incidents().size()));
        md.append("![map of the patrol](").append(mapFile).append(")\n\n");
        md.append("## Area covered\n\n| area | size | covered | share |\n|---|---:|---:|---:|\n");
        for (PatrolReport.AreaCoverage c : r.coverage()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f km² | %.2f km² | %.1f %% |%n", c.name(), c.areaM2() / 1e6,
                    c.coveredM2() / 1e6, 100 * c.share()));
        }
        md.append("\n## Sorties\n\n| vehicle | dock | sortie | start | duration | waypoints | outcome |\n|---|---|---|---|---:|---:|---|\n");
        for (PatrolReport.SortieSummary s : r.sorties()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d / %d | %s |%n", s.vehicleId(), s.dockId(),
                    s.sortieId(), TIME.format(s.startedAt()),
                    s.endedAt() == null ? "-" : duration(Duration.between(s.startedAt(), s.endedAt())),
                    s.waypointsFlown(), s.waypointsTotal(), s.outcome()));
        }
        md.append("\n## Incidents\n\n| id | kind | where | confidence | state | sent to | acknowledged by |\n|---|---|---|---:|---|---|---|\n");
        for (PatrolReport.IncidentSummary i : r.incidents()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.5f, %.5f | %.2f | %s | %s | %s |%n", i.id(), i.kind().toLowerCase(Locale.ROOT),
                    i.latDeg(), i.lonDeg(), i.confidence(), i.state().toLowerCase(Locale.ROOT),
                    i.agencies().isEmpty() ? "-" : String.join(", ", i.agencies()),
                    i.acknowledgedBy().isEmpty() ? "-" : String.join(", ", i.acknowledgedBy())));
        }
        return md.toString();
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh %02dmin", s / 3600, (s % 3600) / 60) : String.format("%dmin %02ds", s / 60, s % 60);
    }
}
