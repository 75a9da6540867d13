package org.skyshare.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input files and hostile output folders through the real command line: exit 1, one sentence
 * on standard error naming the file and what was expected, no stack trace, and no user file harmed.
 */
class BadInputFilesTest {
    private static final Path JINGSHAN = Path.of(System.getProperty("skyshare.shared.dir", "/work/shared"),
            "data/jingshan/jingshan.geojson");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Skyshare.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit 1 and a single line "skyshare <command>: <sentence>" that contains every fragment. */
    private static void assertOneClearSentence(Run r, String command, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        String e = r.err().strip();
        assertThat(e).startsWith("skyshare " + command + ": ").doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("null");
        for (String f : fragments) {
            assertThat(e).contains(f);
        }
    }

    // ---- output folders ----------------------------------------------------------------------

    @Test
    void planOutIntoTheWorkingFolderOfUserFilesRefusesAndEveryByteSurvives() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("report.docx"), "a week of work");
        Files.createDirectories(work.resolve("photos"));
        Files.write(work.resolve("photos/IMG_0001.JPG"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, 2});
        Files.writeString(work.resolve("plan.json"), "{\"mine\": true}");
        Map<Path, byte[]> before = contents(work);

        // `--out .` as given from inside the folder
        Run r = run("plan", "--assets", JINGSHAN.toString(), "--out", work + "/.", "--no-progress");

        assertOneClearSentence(r, "plan", "already holds files that skyshare did not write", "give --out a new or empty folder",
                "Nothing was written or deleted");
        assertThat(contents(work)).containsExactlyInAnyOrderEntriesOf(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("work");
        }
    }

    @Test
    void planOutTwiceIntoItsOwnFolderReplacesItsFilesAndKeepsTheUsers() throws Exception {
        Path out = dir.resolve("plan");
        assertThat(run("plan", "--assets", JINGSHAN.toString(), "--out", out.toString(), "--no-progress").code()).isZero();
        Files.writeString(out.resolve("my-notes.txt"), "keep");
        Run again = run("plan", "--assets", JINGSHAN.toString(), "--out", out.toString(), "--no-progress");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("my-notes.txt"))).isEqualTo("keep");
        assertThat(out.resolve("plan.json")).isRegularFile();
    }

    @Test
    void anAssetIdThatClimbsOutOfTheOutputFolderIsRefusedNamingFileAndId() throws Exception {
        Path assets = Files.writeString(dir.resolve("docks.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "../../x", "kind": "dock"},
                   "geometry": {"type": "Point", "coordinates": [119.8, 30.4]}}]}
                """);
        Path out = dir.resolve("a/b/plan");
        Run r = run("plan", "--assets", assets.toString(), "--out", out.toString(), "--no-progress");
        assertOneClearSentence(r, "plan", "docks.geojson", "'../../x'", "cannot be used");
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.map(p -> dir.relativize(p).toString())).containsExactlyInAnyOrder("", "docks.geojson");
        }
    }

    // ---- input files -------------------------------------------------------------------------

    @Test
    void nonUtf8InputFilesSaySoWithTheLine() throws Exception {
        Path config = dir.resolve("station.yaml");
        Files.write(config, "station: s1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneClearSentence(run("station", "--config", config.toString()), "station",
                config + ": not UTF-8 text (an invalid byte on line 2); expected a station configuration (YAML) saved as UTF-8");
        Path assets = dir.resolve("assets.geojson");
        Files.write(assets, "{\"type\": \"FeatureCollection\", \"name\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertOneClearSentence(run("plan", "--assets", assets.toString(), "--out", dir.resolve("o").toString(), "--no-progress"),
                "plan", assets + ": not UTF-8 text");
    }

    @Test
    void aFolderWhereAFileIsExpectedIsNamedAsSuch() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("station.yaml"));
        assertOneClearSentence(run("station", "--config", folder.toString()), "station",
                folder + ": is a folder; expected a station configuration (YAML)");
        Path assets = Files.createDirectories(dir.resolve("assets.geojson"));
        assertOneClearSentence(run("plan", "--assets", assets.toString(), "--out", dir.resolve("o").toString(), "--no-progress"),
                "plan", assets + ": is a folder; expected a GeoJSON asset file");
        Path telemetry = Files.createDirectories(dir.resolve("flight.csv"));
        assertOneClearSentence(run("detect", "--input", dir.toString(), "--camera", "sim-rgb", "--telemetry", telemetry.toString(),
                "--out", dir.resolve("d.geojson").toString(), "--quiet"), "detect", telemetry + ": is a folder; expected a telemetry file");
    }

    @Test
    void anUnreadableFileIsNamedWithTheReason() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.yaml"), "station: s1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Run r = run("station", "--config", locked.toString());
        if (r.err().contains("permission denied")) {
            assertOneClearSentence(r, "station", locked + ": permission denied; cannot read a station configuration (YAML)");
        } else {
            // root reads a chmod 000 file (the tests run as root in CI); /proc/self/mem refuses even root (EIO)
            Path unreadable = Path.of("/proc/self/mem");
            assertOneClearSentence(run("station", "--config", unreadable.toString()), "station",
                    unreadable + ": cannot read a station configuration (YAML) (Input/output error)");
        }
    }

    @Test
    void emptyYamlAndYamlOfTheWrongShapeSayWhatWasExpected() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
        assertOneClearSentence(run("station", "--config", empty.toString()), "station",
                empty + ": the file is empty; expected a YAML mapping with station, assets, patrols, vehicles");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- station: s1\n");
        assertOneClearSentence(run("station", "--config", list.toString()), "station",
                list + ":1: expected a YAML mapping with station, assets, patrols, vehicles, got a list");
        Path types = Files.writeString(dir.resolve("types.yaml"), "station: s1\nassets: 5\nvehicles: {a: 1}\n");
        assertOneClearSentence(run("station", "--config", types.toString()), "station",
                types + ":2: field 'assets': expected a list, got a number");
        Path profile = Files.writeString(dir.resolve("dock.yaml"), "kind: dock\nid: d\nname: [a, b]\n");
        Run p = run("profiles", "validate", profile.toString());
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).contains(profile + ":3: field 'name': expected text, got a list").doesNotContain("Exception");
    }

    @Test
    void documentsBeyondJacksonsLimitsGetASentenceNotANullPointer() throws Exception {
        Path deepJson = Files.writeString(dir.resolve("deep.geojson"), "[".repeat(3000) + "]".repeat(3000));
        assertOneClearSentence(run("plan", "--assets", deepJson.toString(), "--out", dir.resolve("o").toString(), "--no-progress"),
                "plan", deepJson + ": not valid JSON: too large or too deeply nested to read: Document nesting depth");
        Path deepYaml = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(3000) + "]".repeat(3000) + "\n");
        assertOneClearSentence(run("station", "--config", deepYaml.toString()), "station",
                deepYaml + ": too large or too deeply nested to read: Document nesting depth");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private static Map<Path, byte[]> contents(Path root) throws Exception {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
