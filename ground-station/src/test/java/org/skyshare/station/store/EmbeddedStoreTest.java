package org.skyshare.station.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database: every commit synced (WAL, synchronous=FULL), a damaged or lost file refused
 * with the recovery path named and left as it was, backups rotated, and {@code db recover} rebuilding
 * from the newest sound backup plus what the damaged file still holds.
 */
class EmbeddedStoreTest {
    @TempDir
    Path dir;

    private int raise(Path data, int from, int n) {
        try (StationDatabase db = StationDatabase.openEmbedded(data)) {
            AlertService s = new AlertService(new AlertStore(db), AlertFixture.forestryOnly(),
                    AlertSettings.defaults("st1").withAutoConfirm(0.5), Clock.systemUTC());
            Random random = new Random(7 + from);
            for (int i = from; i < from + n; i++) {
                s.report(HazardReport.point("fire-" + i, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.3 + random.nextDouble() * 0.1, 119.7 + random.nextDouble() * 0.1, Instant.now()));
            }
            return (int) new AlertStore(db).countAlerts();
        }
    }

    @Test
    void commitsAreSyncedToTheWriteAheadLogAndReferencesEnforced() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            assertThat(db.url()).endsWith("skyshare.db");
            assertThat(db.<String>inTransaction(c -> pragma(c, "journal_mode"))).isEqualTo("wal");
            assertThat(db.<String>inTransaction(c -> pragma(c, "synchronous"))).isEqualTo("2"); // FULL
            assertThat(db.<String>inTransaction(c -> pragma(c, "foreign_keys"))).isEqualTo("1");
            AlertStore store = new AlertStore(db);
            new AlertService(store, AlertFixture.forestryOnly(), AlertSettings.defaults("st1").withAutoConfirm(0.5),
                    Clock.systemUTC()).report(HazardReport.point("f", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, 30.3,
                    119.7, Instant.now()));
            store.markAccepted(store.pending(10), Instant.now()); // bookkeeping: crash-safe, not fsynced
            assertThat(store.countPending()).isZero();
            assertThat(db.<String>inTransaction(c -> pragma(c, "synchronous"))).as("back to FULL").isEqualTo("2");
        }
        assertThat(dir.resolve("skyshare.db.created")).exists();
    }

    @Test
    void timestampsAndOrderSurviveAReopen() {
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertService s = new AlertService(new AlertStore(db), AlertFixture.forestryOnly(),
                    AlertSettings.defaults("st1").withAutoConfirm(0.5), Clock.fixed(t, java.time.ZoneOffset.UTC));
            s.report(HazardReport.point("a", HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, 30.3, 119.7, t.minusMillis(1500)));
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertStore store = new AlertStore(db);
            assertThat(store.incident("a").orElseThrow().report().detectedAt()).isEqualTo(t.minusMillis(1500));
            assertThat(store.incident("a").orElseThrow().createdAt()).isEqualTo(t);
            assertThat(store.pending(10)).hasSize(2);
            assertThat(store.pending(10).get(0).seq()).isLessThan(store.pending(10).get(1).seq());
        }
    }

    @Test
    void anEmptyFileIsRefusedAndLeftAsItIs() throws Exception {
        raise(dir, 0, 3);
        Files.write(dir.resolve("skyshare.db"), new byte[0]);
        assertRefused("is empty (0 bytes)");
        assertThat(Files.size(dir.resolve("skyshare.db"))).isZero();
    }

    @Test
    void aMissingFileIsRefusedWhenTheFolderHeldOne() throws Exception {
        raise(dir, 0, 3);
        Files.delete(dir.resolve("skyshare.db"));
        assertRefused("is missing, but this folder held a database");
        assertThat(dir.resolve("skyshare.db")).doesNotExist();
    }

    @Test
    void aMissingFileIsRefusedWhenOnlyBackupsAreLeft() throws Exception {
        raise(dir, 0, 3);
        raise(dir, 3, 1); // second open writes a backup
        Files.delete(dir.resolve("skyshare.db"));
        Files.delete(dir.resolve("skyshare.db.created"));
        assertRefused("holds backups of one");
    }

    @Test
    void aTruncatedFileIsRefusedAndLeftAsItIs() throws Exception {
        raise(dir, 0, 60);
        Path f = dir.resolve("skyshare.db");
        long size = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        byte[] before = Files.readAllBytes(f);
        assertRefused("truncated");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void aHalfZeroedFileIsRefused() throws Exception {
        raise(dir, 0, 60);
        Path f = dir.resolve("skyshare.db");
        zero(f, 0, Files.size(f) / 2);
        assertRefused("SQLite's header");
    }

    @Test
    void zeroedPagesInsideTheFileFailThePageCheck() throws Exception {
        raise(dir, 0, 60);
        Path f = dir.resolve("skyshare.db");
        long size = Files.size(f);
        zero(f, size / 2, size); // the header stays; the second half of the pages is gone
        assertRefused("");
    }

    @Test
    void backupsAreRotated() {
        for (int i = 0; i < DatabaseBackups.KEPT + 3; i++) {
            raise(dir, i, 1);
        }
        List<Path> backups = new DatabaseBackups(new EmbeddedDatabaseFile(dir)).list();
        assertThat(backups).hasSize(DatabaseBackups.KEPT);
        assertThat(backups).allMatch(b -> DatabaseRecovery.integrityOf(b).isEmpty());
    }

    @Test
    void recoverSetsTheDamagedFileAsideAndRestoresBackupPlusReadableRows() throws Exception {
        raise(dir, 0, 20);
        assertThat(raise(dir, 20, 20)).isEqualTo(40); // this open backed up the first 20 incidents
        Path f = dir.resolve("skyshare.db");
        long size = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size - 4096); // the last page gone
        }
        byte[] damaged = Files.readAllBytes(f);
        DatabaseRecovery recovery = new DatabaseRecovery(dir);
        assertThat(recovery.check().sound()).isFalse();

        DatabaseRecovery.RecoveryResult r = recovery.recover();

        assertThat(r.setAside()).exists();
        assertThat(Files.readAllBytes(r.setAside())).isEqualTo(damaged);
        assertThat(r.rowsFromBackup().get("incidents")).isEqualTo(20L);
        DatabaseRecovery.CheckResult after = recovery.check();
        assertThat(after.sound()).isTrue();
        assertThat(after.rows().get("incidents")).isGreaterThanOrEqualTo(20L);
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertStore store = new AlertStore(db);
            for (int i = 0; i < 20; i++) {
                assertThat(store.incident("fire-" + i)).isPresent();
            }
        }
    }

    @Test
    void recoverRefusesASoundDatabase() {
        raise(dir, 0, 2);
        assertThatThrownBy(() -> new DatabaseRecovery(dir).recover())
                .hasMessageContaining("nothing to recover");
        assertThat(dir.resolve("skyshare.db")).exists();
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> StationDatabase.openEmbedded(dir))
                .isInstanceOf(DamagedDatabaseException.class)
                .hasMessageContaining(dir.resolve("skyshare.db").toString())
                .hasMessageContaining(problem)
                .hasMessageContaining("skyshare db recover");
        assertThat(new DatabaseRecovery(dir).check().sound()).isFalse();
    }

    private static void zero(Path f, long from, long to) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(from);
            byte[] zeros = new byte[(int) (to - from)];
            Arrays.fill(zeros, (byte) 0);
            raf.write(zeros);
        }
    }

    private static String pragma(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
