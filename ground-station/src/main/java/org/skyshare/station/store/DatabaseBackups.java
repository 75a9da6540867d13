package org.skyshare.station.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backups of the embedded database, one per station start, in {@code <dataDir>/backups}: the
 * newest {@value #KEPT} are kept. Each is a consistent copy written by SQLite ({@code VACUUM INTO}
 * a temporary name, then renamed), so a crash while backing up leaves no half-written backup
 * under a backup's name.
 */
public final class DatabaseBackups {
    static final int KEPT = 5;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final EmbeddedDatabaseFile files;

    public DatabaseBackups(EmbeddedDatabaseFile files) {
        this.files = files;
    }

    /** Writes a backup of {@code db} and drops the oldest beyond {@value #KEPT}; returns the backup's path. */
    public Path backUp(StationDatabase db) {
        Path dir = files.backupsDir();
        Path target = dir.resolve("skyshare-" + NAME_TIME.format(Instant.now()) + ".db");
        Path tmp = dir.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> left = Files.list(dir)) {
                for (Path p : left.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                    Files.deleteIfExists(p); // a backup a crash interrupted: never a usable copy
                }
            }
            db.runOutsideTransaction("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            List<Path> all = list();
            for (int i = 0; i < all.size() - KEPT; i++) {
                Files.deleteIfExists(all.get(i));
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot back up the station database into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The backups, oldest first. */
    public List<Path> list() {
        Path dir = files.backupsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("skyshare-")
                            && p.getFileName().toString().endsWith(".db"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the backups in " + dir + ": " + e.getMessage(), e);
        }
    }
}
