package org.skyshare.station.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.planner.export.MissionItems;
import org.skyshare.station.sitl.ArduCopterSitl;
import org.skyshare.station.sitl.JingshanDock;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skyshare vehicle} against ArduPilot's own ArduCopter firmware (SITL): status, a plan upload, a bad plan file. */
class VehicleCommandTest {
    private ArduCopterSitl sitl;

    @AfterEach
    void stop() {
        if (sitl != null) {
            sitl.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VehicleCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void showsStatusUploadsAPlanFileAndNamesABadOne(@TempDir Path dir) throws Exception {
        long startNs = System.nanoTime();
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 5);
        // the firmware accepts one ground connection on this port at a time; each command connects anew
        Run status = run("--link", sitl.uri(), "--timeout", "60s", "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("vehicle 1 (ARDUPILOT)").contains("CONNECTED").contains("disarmed")
                .contains("at 30.36606").contains("battery");

        Path plan = dir.resolve("sortie.json");
        Files.writeString(plan, MissionItems.toJson(JingshanDock.shortSortie(60, 15)));
        Run upload = run("--link", sitl.uri(), "--timeout", "30s", "upload", plan.toString());
        assertThat(upload.code()).as(upload.err() + upload.out()).isZero();
        assertThat(upload.out()).contains("uploaded 4 items").contains("read back the same");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"not\": \"a list\"}");
        Run refused = run("--link", sitl.uri(), "upload", bad.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(bad.toString()).contains("not a mission item list");
        assertThat(run("--link", sitl.uri(), "fly-away").err()).contains("unknown action 'fly-away'");
        System.out.printf("ArduCopter SITL vehicle command: %.1f s wall time%n", (System.nanoTime() - startNs) / 1e9);
    }

    @Test
    void signSetupGivesArduCopterAKeyAndSignedCommandsThenWork(@TempDir Path dir) throws Exception {
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 5);
        Path key = dir.resolve("drone-1.key");
        Files.writeString(key, "5a".repeat(32) + "\n");
        assertThat(run("--link", sitl.uri(), "sign-setup").err()).contains("sign-setup needs the key");
        Run setup = run("--link", sitl.uri(), "--timeout", "60s", "--signing-key-file", key.toString(), "sign-setup");
        assertThat(setup.code()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("vehicle 1 signs with the key from " + key).contains("confirmed by a signed heartbeat");
        Run status = run("--link", sitl.uri(), "--timeout", "30s", "--signing-key-file", key.toString(), "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("vehicle 1 (ARDUPILOT)").contains("CONNECTED");
    }
}
