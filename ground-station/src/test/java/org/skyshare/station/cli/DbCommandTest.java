package org.skyshare.station.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skyshare db check} and {@code db recover} on a sound, an emptied and a recovered database. */
class DbCommandTest {
    @TempDir
    Path dir;

    private String out;

    private int run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cli = new CommandLine(new DbCommand());
        cli.setOut(new PrintWriter(sw, true));
        cli.setErr(new PrintWriter(sw, true));
        int code = cli.execute(args);
        out = sw.toString();
        return code;
    }

    private void raise(int from, int n) {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertService s = new AlertService(new AlertStore(db), AlertFixture.forestryOnly(),
                    AlertSettings.defaults("st1").withAutoConfirm(0.5), Clock.systemUTC());
            for (int i = from; i < from + n; i++) {
                s.report(HazardReport.point("fire-" + i, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                        30.3 + i * 0.01, 119.7, Instant.now()));
            }
        }
    }

    @Test
    void checkSaysSoundOrDamagedAndRecoverRestoresTheBackup() throws Exception {
        raise(0, 5);
        raise(5, 5); // this start backed up the first five
        assertThat(run("check", "--data", dir.toString())).as(out).isZero();
        assertThat(out).contains("sound").contains("incidents 10").contains("backups (1)");

        Files.write(dir.resolve("skyshare.db"), new byte[0]);
        assertThat(run("check", "--data", dir.toString())).as(out).isEqualTo(1);
        assertThat(out).contains("DAMAGED").contains("is empty (0 bytes)").contains("skyshare db recover --data");

        assertThat(run("recover", "--data", dir.toString())).as(out).isZero();
        assertThat(out).contains("damaged file kept as: ").contains("skyshare.db.damaged-").contains("incidents 5");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().matches("skyshare\\.db\\.damaged-\\d{8}-\\d{6}")))
                    .singleElement().satisfies(p -> assertThat(Files.size(p)).isZero());
        }
        assertThat(run("check", "--data", dir.toString())).as(out).isZero();
        assertThat(out).contains("incidents 5");
    }

    @Test
    void recoverLeavesASoundDatabaseAlone() {
        raise(0, 2);
        assertThat(run("recover", "--data", dir.toString())).isNotZero();
        assertThat(dir.resolve("skyshare.db")).exists();
        assertThat(run("check", "--data", dir.toString())).isZero();
    }
}
