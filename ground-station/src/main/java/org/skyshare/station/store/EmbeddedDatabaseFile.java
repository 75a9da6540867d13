package org.skyshare.station.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded database's files in a data folder, and the checks made before SQLite opens them.
 *
 * <p>SQLite opens an empty or missing file as a new empty database, which would silently replace a
 * station's history; and it reads a truncated file until it meets the missing pages. So before it
 * opens the file the station checks: the file exists if this folder ever held a database (the
 * marker file says so), it is not empty, it starts with SQLite's header, and, when no write-ahead
 * log holds newer pages, it is as long as its header says. {@link StationDatabase} then runs
 * SQLite's own {@code quick_check} over every page.
 */
public final class EmbeddedDatabaseFile {
    static final String FILE_NAME = "skyshare.db";
    static final String MARKER_NAME = "skyshare.db.created";
    static final String LEGACY_H2_NAME = "skyshare.mv.db";
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path dataDir;

    public EmbeddedDatabaseFile(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return dataDir.resolve(FILE_NAME);
    }

    /** The write-ahead log: commits not yet copied into the main file live here, so it is part of the database. */
    public Path wal() {
        return dataDir.resolve(FILE_NAME + "-wal");
    }

    /** Written once the database is created; a missing database file beside it is a lost one, not a first run. */
    public Path marker() {
        return dataDir.resolve(MARKER_NAME);
    }

    public Path backupsDir() {
        return dataDir.resolve("backups");
    }

    public String jdbcUrl() {
        return "jdbc:sqlite:" + file();
    }

    /** Whether the folder has never held a station database (first run: create one). */
    public boolean isNew() {
        return (!Files.exists(file()) || sizeOf(file()) == 0) && !Files.exists(marker()) && !hasBackups();
    }

    boolean hasBackups() {
        try (var s = Files.list(backupsDir())) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".db"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses a file that is missing while the folder held one, empty, not SQLite, or shorter than
     * its header says.
     *
     * @throws DamagedDatabaseException naming what is wrong
     */
    public void checkBeforeOpen() {
        Path f = file();
        if (Files.exists(dataDir.resolve(LEGACY_H2_NAME)) && !Files.exists(f)) {
            throw new IllegalStateException("the data folder " + dataDir + " holds an H2 database (" + LEGACY_H2_NAME
                    + ") from an earlier Skyshare version; the station now keeps its data in SQLite (" + FILE_NAME
                    + "). Move the H2 file out of the folder to start a new database, or point `database:` in the"
                    + " station config at jdbc:h2:file:" + dataDir.resolve("skyshare") + " to keep using it");
        }
        if (!Files.exists(f)) {
            if (Files.exists(marker())) {
                throw new DamagedDatabaseException(f, "is missing, but this folder held a database (created "
                        + readMarker() + ")");
            }
            if (hasBackups()) {
                throw new DamagedDatabaseException(f, "is missing, but " + backupsDir() + " holds backups of one");
            }
            return;
        }
        if (Files.isDirectory(f)) {
            throw new DamagedDatabaseException(f, "is a folder, not a database file");
        }
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(f)) {
            size = Files.size(f);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new DamagedDatabaseException(f, "cannot be read (" + e.getMessage() + ")");
        }
        if (size == 0 && !Files.exists(marker()) && !hasBackups()) {
            return; // a first start killed before SQLite wrote its first page: still a new database
        }
        if (size == 0) {
            throw new DamagedDatabaseException(f, "is empty (0 bytes)");
        }
        if (read < header.length || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new DamagedDatabaseException(f, "does not start with SQLite's header (overwritten or not a database)");
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        long pageSizeBytes = pageSize == 1 ? 65536 : pageSize;
        long pages = readInt(header, 28);
        boolean headerCountValid = readInt(header, 24) == readInt(header, 92);
        boolean walHoldsPages = Files.exists(wal()) && sizeOf(wal()) > 0;
        if (headerCountValid && !walHoldsPages && size < pages * pageSizeBytes) {
            throw new DamagedDatabaseException(f, "is truncated: " + size + " bytes where its header counts " + pages
                    + " pages of " + pageSizeBytes + " bytes");
        }
    }

    /**
     * Moves this folder's database (file, write-ahead log, marker, backups) into {@code folder},
     * nothing deleted; the data folder then starts a new database. Used by the demo, whose every
     * run is a new simulated world and must not resume the previous run's patrols and incidents.
     *
     * @return whether there was a database to move
     */
    public boolean setAsideInto(Path folder) {
        List<Path> parts = new ArrayList<>();
        for (String name : List.of(FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm", MARKER_NAME, "backups")) {
            if (Files.exists(dataDir.resolve(name))) {
                parts.add(dataDir.resolve(name));
            }
        }
        if (parts.isEmpty()) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            for (Path p : parts) {
                Files.move(p, folder.resolve(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot move the database in " + dataDir + " into " + folder + ": "
                    + e.getMessage(), e);
        }
        return true;
    }

    void writeMarker(String createdAt) {
        try {
            if (!Files.exists(marker())) {
                Files.writeString(marker(), createdAt + System.lineSeparator());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + marker() + ": " + e.getMessage(), e);
        }
    }

    private String readMarker() {
        try {
            return Files.readString(marker()).trim();
        } catch (IOException e) {
            return "at an unknown time";
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
