package org.skyshare.station.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code skyshare db check} and {@code db recover} for the embedded database.
 *
 * <p>Recovery never deletes: the damaged file (and its write-ahead log) is renamed to
 * {@code skyshare.db.damaged-<time>}; the newest backup that passes SQLite's integrity check
 * becomes the database; then every row still readable in the damaged file that the backup lacks is
 * copied in (tables in the order their references need), so what was committed after the backup
 * survives as far as the damaged pages allow.
 */
public final class DatabaseRecovery {
    /** Parents before children, so references hold while rows are copied. */
    private static final List<String> TABLES = List.of("incidents", "incident_events", "alerts", "outbox",
            "acknowledgements", "missions", "flights", "patrol_runs", "sortie_progress", "incident_sources");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final EmbeddedDatabaseFile files;

    public DatabaseRecovery(Path dataDir) {
        this.files = new EmbeddedDatabaseFile(dataDir);
    }

    /** What {@code db check} found: empty problems when the database would open. */
    public record CheckResult(Path file, List<String> problems, Map<String, Long> rows, List<Path> backups) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /** What {@code db recover} did. */
    public record RecoveryResult(Path setAside, Path backupUsed, Map<String, Long> rowsFromBackup,
                                 Map<String, Long> rowsSalvaged) {
    }

    public CheckResult check() {
        List<Path> backups = new DatabaseBackups(files).list();
        List<String> problems = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        if (files.isNew()) {
            problems.add("no database in " + files.dataDir() + " (a station starting here creates one)");
            return new CheckResult(files.file(), problems, rows, backups);
        }
        try {
            files.checkBeforeOpen();
            problems.addAll(integrityOf(files.file()));
            if (problems.isEmpty()) {
                rows.putAll(readOnly(files.file(), DatabaseRecovery::count));
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        return new CheckResult(files.file(), problems, rows, backups);
    }

    /**
     * Sets the damaged database aside and rebuilds it from the newest sound backup plus the rows
     * still readable in the damaged file.
     *
     * @throws IllegalStateException when the database is sound (nothing to recover) or no backup is sound
     */
    public RecoveryResult recover() {
        CheckResult before = check();
        if (before.sound()) {
            throw new IllegalStateException("the station database " + files.file()
                    + " passes SQLite's integrity check; there is nothing to recover");
        }
        Path backup = newestSoundBackup().orElseThrow(() -> new IllegalStateException("no sound backup in "
                + files.backupsDir() + "; the damaged file " + files.file() + " was left as it is"));
        Path aside = files.dataDir().resolve(EmbeddedDatabaseFile.FILE_NAME + ".damaged-" + NAME_TIME.format(Instant.now()));
        try {
            if (Files.exists(files.file())) {
                Files.move(files.file(), aside);
            }
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = files.dataDir().resolve(EmbeddedDatabaseFile.FILE_NAME + suffix);
                if (Files.exists(side)) {
                    Files.move(side, Path.of(aside + suffix));
                }
            }
            Path tmp = files.dataDir().resolve(EmbeddedDatabaseFile.FILE_NAME + ".recovering");
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, files.file(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot set " + files.file() + " aside as " + aside + ": " + e.getMessage(), e);
        }
        Map<String, Long> fromBackup;
        Map<String, Long> salvaged = new LinkedHashMap<>();
        try (StationDatabase db = StationDatabase.openSqlite(files.file(), files.dataDir().resolve("evidence"))) {
            fromBackup = db.inTransaction(DatabaseRecovery::count);
            if (Files.exists(aside)) {
                salvaged = salvage(db, aside);
            }
        }
        return new RecoveryResult(Files.exists(aside) ? aside : null, backup, fromBackup, salvaged);
    }

    private java.util.Optional<Path> newestSoundBackup() {
        List<Path> all = new ArrayList<>(new DatabaseBackups(files).list());
        java.util.Collections.reverse(all);
        for (Path b : all) {
            try {
                if (integrityOf(b).isEmpty()) {
                    return java.util.Optional.of(b);
                }
            } catch (DamagedDatabaseException e) {
                // a damaged backup is skipped; older ones may be sound
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Copies every readable row of the damaged file missing from {@code db}. The damaged file is read
     * on its own read-only connection, table by table up to the first unreadable page, so its errors
     * never touch the transaction that writes the recovered database.
     */
    private static Map<String, Long> salvage(StationDatabase db, Path damaged) {
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Object[]> rows;
            try {
                rows = readOnly(damaged, c -> readableRows(c, table));
            } catch (DamagedDatabaseException e) {
                rows = List.of();
            }
            List<Object[]> found = rows;
            copied.put(table, db.inTransaction(c -> insertMissing(c, table, found)));
        }
        return copied;
    }

    private static List<Object[]> readableRows(Connection c, String table) {
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        } catch (SQLException unreadable) {
            // the rest of the table sits behind a damaged page: what was read so far is kept
        }
        return rows;
    }

    private static long insertMissing(Connection c, String table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT OR IGNORE INTO " + table + " VALUES (");
        for (int i = 0; i < rows.get(0).length; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        long n = 0;
        try (PreparedStatement ins = c.prepareStatement(sql.append(')').toString())) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ins.setObject(i + 1, row[i]);
                }
                try {
                    n += ins.executeUpdate();
                } catch (SQLException brokenReference) {
                    // a row whose parent was on a damaged page: it stays in the set-aside file
                }
            }
        }
        return n;
    }

    private static Map<String, Long> count(Connection c) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                out.put(table, rs.getLong(1));
            } catch (SQLException missing) {
                // a table a later migration adds
            }
        }
        return out;
    }

    /** SQLite's integrity check of a file, opened read-only and without migrating it; empty when sound. */
    static List<String> integrityOf(Path file) {
        return readOnly(file, c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                out.add(e.getMessage());
            }
            return out;
        });
    }

    private static <T> T readOnly(Path file, java.util.function.Function<Connection, T> work) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new DamagedDatabaseException(file, "cannot be opened by SQLite (" + e.getMessage() + ")");
        }
    }
}
