package org.skyshare.station.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The station's database: an embedded H2 file by default, or any JDBC URL (PostgreSQL for a shared
 * data hub). The schema is brought up to date by Flyway on open (src/main/resources/db/migration).
 *
 * <p>One connection, used under a lock: the station writes from a handful of threads and H2's
 * embedded mode gains nothing from more, while a single connection keeps every change a plain
 * transaction.
 */
public final class StationDatabase implements AutoCloseable {
    private final String url;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Path evidenceDir;

    private StationDatabase(String url, Connection connection, Path evidenceDir) {
        this.url = url;
        this.connection = connection;
        this.evidenceDir = evidenceDir;
    }

    /** The embedded H2 file {@code <dataDir>/skyshare.mv.db}; evidence images go to {@code <dataDir>/evidence}. */
    public static StationDatabase openEmbedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        // WRITE_DELAY=0: H2 otherwise writes commits in the background up to half a second later, and a
        // station killed in that window would lose alerts it had already reported as stored
        return open("jdbc:h2:file:" + dir.resolve("skyshare") + ";WRITE_DELAY=0", "sa", "", dir.resolve("evidence"));
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}.
     *
     * @param evidenceDir where evidence images are kept, beside the database
     */
    public static StationDatabase open(String jdbcUrl, String user, String password, Path evidenceDir) {
        try {
            Files.createDirectories(evidenceDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the evidence folder " + evidenceDir + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot bring the database at " + jdbcUrl + " up to date: " + e.getMessage(), e);
        }
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, user, password);
            c.setAutoCommit(false);
            return new StationDatabase(jdbcUrl, c, evidenceDir);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public Path evidenceDir() {
        return evidenceDir;
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
