package org.skyshare.vision.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EvaluateCommandsTest {
    private static Path datasets() {
        return Path.of(System.getProperty("skyshare.shared.dir", "../../shared"), "datasets");
    }

    /** Runs a command the way the main does, but lets the exception reach the test. */
    private static String run(Object command, String... args) throws Exception {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.parseArgs(args);
        Object result = ((java.util.concurrent.Callable<?>) command).call();
        assertThat(result).isEqualTo(0);
        System.out.print(out);
        return out.toString();
    }

    private static double figure(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output contains %s:%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void missingDatasetsFolderIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> run(new EvaluateWaterCommand(), "--datasets", missing.toString()))
                .hasMessageContaining(missing.toString()).hasMessageContaining("--datasets");
        assertThatThrownBy(() -> run(new EvaluateFireCommand(), "--datasets", missing.toString()))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void evaluateFireReportsEachDatasetAboveItsFloor() throws Exception {
        assumeTrue(Files.isDirectory(datasets().resolve("fire-smoke")),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: evaluation skipped");
        String out = run(new EvaluateFireCommand(), "--datasets", datasets().toString(), "--bench-runs", "5");
        double robo = figure(out, "built-in fire-smoke.onnx\\s+roboflow-fire8(?:\\s+\\d+){5}\\s+[\\d.]+\\s+[\\d.]+\\s+([\\d.]+)");
        double cair = figure(out, "built-in fire-smoke.onnx\\s+cair-fire(?:\\s+\\d+){5}\\s+[\\d.]+\\s+[\\d.]+\\s+([\\d.]+)");
        // floors a little under the figures in docs/performance/vision-models.md (0.900 and 0.927), and
        // well above the FLAME paper's 76 % that the issue asks to beat on every dataset
        assertThat(robo).isGreaterThan(0.85);
        assertThat(cair).isGreaterThan(0.88);
        // the cells put the box on the labelled fire or smoke in 119 of 179 frames (0.665); whole-frame and
        // colour-cue boxes did so in 90 (0.503)
        assertThat(figure(out, "located: .* frames called a hazard that have boxes \\(([\\d.]+)\\)")).isGreaterThan(0.6);
        assertThat(out).contains("colour rules only").contains("ms/frame");
    }

    @Test
    void evaluateWaterReportsIou() throws Exception {
        assumeTrue(Files.isDirectory(datasets().resolve("water")),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: evaluation skipped");
        String out = run(new EvaluateWaterCommand(), "--datasets", datasets().toString());
        assertThat(figure(out, "IoU pooled over all pixels: ([\\d.]+)")).isGreaterThan(0.6);
        assertThat(out).contains("57 photos");
    }
}
