package org.skyshare.station.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The station's database: an embedded SQLite file by default, or any JDBC URL (PostgreSQL for a
 * shared data hub). The schema is brought up to date by Flyway on open (SQLite:
 * src/main/resources/db/sqlite; H2 and PostgreSQL: db/migration).
 *
 * <p>Why SQLite and not H2 for the embedded file: a commit the station reports must survive a
 * {@code kill -9} or a power cut. SQLite in write-ahead-log mode with {@code synchronous=FULL}
 * fsyncs the log on every commit, runs schema migrations in a transaction (an H2 station killed
 * during its first migration was left with half its tables), and its page checks find a
 * truncated or overwritten file, where H2's MVStore falls back to its last readable chunk and
 * opens with recent commits silently gone. See docs/performance/alerts.md for what was measured.
 *
 * <p>One connection, used under a lock: the station writes from a handful of threads and an
 * embedded database gains nothing from more, while a single connection keeps every change a plain
 * transaction.
 */
public final class StationDatabase implements AutoCloseable {
    /** Fixed width, so text timestamps sort in time order (SQLite has no timestamp type). */
    private static final DateTimeFormatter TEXT_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private final String url;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Path evidenceDir;
    private final boolean sqlite;

    private StationDatabase(String url, Connection connection, Path evidenceDir) {
        this.url = url;
        this.connection = connection;
        this.evidenceDir = evidenceDir;
        this.sqlite = url.startsWith("jdbc:sqlite:");
    }

    /**
     * The embedded SQLite file {@code <dataDir>/skyshare.db}; evidence images go to
     * {@code <dataDir>/evidence}. A damaged or lost file is refused ({@link DamagedDatabaseException});
     * a good one is backed up on open into {@code <dataDir>/backups} (the newest few are kept).
     */
    public static StationDatabase openEmbedded(Path dataDir) {
        EmbeddedDatabaseFile files = new EmbeddedDatabaseFile(dataDir);
        try {
            Files.createDirectories(files.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data folder " + files.dataDir() + ": " + e.getMessage(), e);
        }
        files.checkBeforeOpen();
        boolean fresh = files.isNew();
        StationDatabase db = openSqlite(files.file(), files.dataDir().resolve("evidence"));
        try {
            List<String> problems;
            try {
                problems = db.quickCheck();
            } catch (StoreException e) {
                problems = List.of(e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new DamagedDatabaseException(files.file(), "fails SQLite's page check: " + String.join("; ", problems));
            }
            // also when a first start was killed before it wrote the marker
            files.writeMarker(db.formatTime(Instant.now()));
            if (!fresh) {
                new DatabaseBackups(files).backUp(db);
            }
            return db;
        } catch (RuntimeException e) {
            db.closeQuietly(e);
            throw e;
        }
    }

    /** Opens the SQLite file at {@code file} without the damage checks of {@link #openEmbedded} (used by recovery). */
    static StationDatabase openSqlite(Path file, Path evidenceDir) {
        String url = "jdbc:sqlite:" + file;
        SQLiteDataSource ds = new SQLiteDataSource(sqliteConfig());
        ds.setUrl(url);
        createEvidenceDir(evidenceDir);
        migrate(Flyway.configure().dataSource(ds), "classpath:db/sqlite", url);
        try {
            Connection c = ds.getConnection();
            c.setAutoCommit(false);
            return new StationDatabase(url, c, evidenceDir);
        } catch (SQLException e) {
            throw new DamagedDatabaseException(file, "cannot be opened by SQLite (" + e.getMessage() + ")");
        }
    }

    static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        // every commit is in the write-ahead log and fsynced before commit() returns
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        return config;
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}.
     *
     * @param evidenceDir where evidence images are kept, beside the database
     */
    public static StationDatabase open(String jdbcUrl, String user, String password, Path evidenceDir) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return openSqlite(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())), evidenceDir);
        }
        createEvidenceDir(evidenceDir);
        migrate(Flyway.configure().dataSource(jdbcUrl, user, password), "classpath:db/migration", jdbcUrl);
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, user, password);
            c.setAutoCommit(false);
            return new StationDatabase(jdbcUrl, c, evidenceDir);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static void createEvidenceDir(Path evidenceDir) {
        try {
            Files.createDirectories(evidenceDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the evidence folder " + evidenceDir + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, String location, String url) {
        try {
            flyway.locations(location).load().migrate();
        } catch (FlywayException e) {
            String why = e.getMessage();
            if (url.startsWith("jdbc:sqlite:") && why != null && (why.contains("SQLITE_NOTADB")
                    || why.contains("SQLITE_CORRUPT") || why.contains("malformed"))) {
                throw new DamagedDatabaseException(Path.of(url.substring("jdbc:sqlite:".length())),
                        "cannot be read by SQLite (" + why.lines().findFirst().orElse(why) + ")");
            }
            throw new IllegalStateException("cannot bring the database at " + url + " up to date: " + why, e);
        }
    }

    public String url() {
        return url;
    }

    public Path evidenceDir() {
        return evidenceDir;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /** SQLite's {@code quick_check}: every page and b-tree readable; an empty list when the file is sound. */
    public List<String> quickCheck() {
        return pageCheck("PRAGMA quick_check");
    }

    /** SQLite's {@code integrity_check}: {@link #quickCheck()} plus every index agreeing with its table. */
    public List<String> integrityCheck() {
        return pageCheck("PRAGMA integrity_check");
    }

    private List<String> pageCheck(String pragma) {
        if (!sqlite) {
            return List.of();
        }
        return inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        out.add(line);
                    }
                }
            } catch (SQLException e) {
                out.add(e.getMessage());
            }
            return out;
        });
    }

    // ---- timestamps: TIMESTAMP WITH TIME ZONE on H2 and PostgreSQL, fixed-width UTC text on SQLite

    public void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setObject(index, null);
        } else if (sqlite) {
            ps.setString(index, formatTime(t));
        } else {
            ps.setObject(index, t.atOffset(ZoneOffset.UTC));
        }
    }

    public Instant getTime(ResultSet rs, String column) throws SQLException {
        if (sqlite) {
            String s = rs.getString(column);
            return s == null ? null : Instant.parse(s);
        }
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public String formatTime(Instant t) {
        return TEXT_TIME.format(t);
    }

    /** Work done in one transaction: committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new StoreException("database error at " + url + ": " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A transaction whose commit need not survive a power cut, only a crash of the station: on
     * SQLite it is committed with {@code synchronous=NORMAL} (written to the log, not fsynced; the
     * next full commit's fsync covers it). For bookkeeping whose loss only repeats work safely, such
     * as marking outbox messages the broker accepted: an unmarked message is sent again, under the
     * same identifier and with the same bytes. Elsewhere the same as {@link #inTransaction}.
     */
    public <T> T inCrashSafeTransaction(Work<T> work) {
        if (!sqlite) {
            return inTransaction(work);
        }
        lock.lock();
        try {
            setSynchronous("NORMAL");
            try {
                return inTransaction(work);
            } finally {
                setSynchronous("FULL");
            }
        } finally {
            lock.unlock();
        }
    }

    private void setSynchronous(String mode) {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA synchronous=" + mode);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("database error at " + url + " setting synchronous=" + mode + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement outside any transaction (VACUUM INTO, checkpoints). */
    void runOutsideTransaction(String sql) {
        lock.lock();
        try {
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("database error at " + url + " running " + sql + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database at " + url + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
