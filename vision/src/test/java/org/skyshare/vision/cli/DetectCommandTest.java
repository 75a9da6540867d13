package org.skyshare.vision.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.profiles.ThermalSpec;
import org.skyshare.vision.thermal.SyntheticThermalScene;
import picocli.CommandLine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DetectCommandTest {
    @TempDir
    Path dir;

    private final ThermalSpec spec = ProfileCatalog.builtIn().camera("sim-thermal").thermal();

    private void writeRawFrames(Path folder, int n) throws Exception {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            short[] raw = new SyntheticThermalScene(640, 512, 20, 2, i).fire(400, 256, 4, 600).rectangle(50, 50, 40, 30, 65)
                    .image().toRaw(spec);
            ByteBuffer b = ByteBuffer.allocate(raw.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(raw);
            Files.write(folder.resolve(String.format("frame_%03d.raw", i)), b.array());
        }
    }

    /** Parses like the CLI, then calls the command so its exceptions (what the main prints) reach the test. */
    private int run(String... args) throws Exception {
        DetectCommand cmd = new DetectCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.call();
    }

    @Test
    void radiometricFramesWithTelemetryGiveOneGeoreferencedFireIncident() throws Exception {
        Path frames = dir.resolve("frames");
        writeRawFrames(frames, 6);
        Files.write(frames.resolve("frame_999.raw"), new byte[10]);   // truncated frame: skipped and counted
        StringBuilder csv = new StringBuilder("file,lat_deg,lon_deg,alt_amsl_m,ground_alt_m,yaw_deg,gimbal_pitch_deg\n");
        for (int i = 0; i < 6; i++) {
            csv.append(String.format("frame_%03d.raw,30.4,119.9,120,20,0,-90%n", i));
        }
        Path telemetry = Files.writeString(dir.resolve("poses.csv"), csv);
        Path out = dir.resolve("out/detections.geojson");

        assertThat(run("--input", frames.toString(), "--camera", "sim-thermal", "--telemetry", telemetry.toString(),
                "--out", out.toString(), "--quiet")).isZero();

        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(root.at("/skyshare/frames_read").asInt()).isEqualTo(6);
        assertThat(root.at("/skyshare/frames_skipped").asInt()).isEqualTo(1);
        int incidents = 0, detections = 0;
        for (JsonNode f : root.get("features")) {
            String type = f.at("/properties/feature_type").asText();
            if (type.equals("incident")) {
                incidents++;
                assertThat(f.at("/properties/kind").asText()).isEqualTo("fire");
                assertThat(f.at("/properties/sightings").asInt()).isEqualTo(6);
                // 80 px right of centre at 100 m AGL heading north: 10.5 m east of the drone
                double lon = f.at("/geometry/coordinates/0").asDouble();
                assertThat((lon - 119.9) * 111_320 * Math.cos(Math.toRadians(30.4))).isCloseTo(10.5, within(1.0));
                assertThat(dir.resolve("out").resolve(f.at("/properties/evidence").asText())).exists();
            } else {
                detections++;
                assertThat(f.at("/properties/peak_temperature_c").asDouble()).isGreaterThan(400);
            }
        }
        assertThat(incidents).isEqualTo(1);
        assertThat(detections).isEqualTo(6);
    }

    @Test
    void withoutTelemetryTheOutputKeepsPixelBoxes() throws Exception {
        Path frames = dir.resolve("frames");
        writeRawFrames(frames, 2);
        Path out = dir.resolve("d.geojson");
        assertThat(run("--input", frames.toString(), "--camera", "sim-thermal", "--out", out.toString(), "--quiet")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        for (JsonNode f : root.get("features")) {
            assertThat(f.get("geometry").isNull()).isTrue();
        }
        JsonNode det = root.get("features").get(1);
        assertThat(det.at("/properties/pixel_box/0").asInt()).isBetween(390, 400);
    }

    @Test
    void badInputsAreClearErrorsAndWriteNothing() throws Exception {
        Path out = dir.resolve("never.geojson");
        assertThatThrownBy(() -> run("--input", dir.toString(), "--camera", "no-such-camera", "--out", out.toString()))
                .hasMessageContaining("unknown camera 'no-such-camera'");
        assertThatThrownBy(() -> run("--input", dir.resolve("missing.mp4").toString(), "--camera", "sim-rgb", "--out", out.toString()))
                .hasMessageContaining("missing.mp4 does not exist");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.write(broken.resolve("a.raw"), new byte[3]);
        assertThatThrownBy(() -> run("--input", broken.toString(), "--camera", "sim-thermal", "--out", out.toString(), "--quiet"))
                .hasMessageContaining("No frame of").hasMessageContaining("a.raw");
        assertThat(out).doesNotExist();
    }

    @Test
    void outNamingAFileDetectDidNotWriteIsRefusedAndTheFileKept() throws Exception {
        Path frames = dir.resolve("frames");
        writeRawFrames(frames, 2);
        Path mine = Files.writeString(dir.resolve("survey.geojson"), "{\"type\": \"FeatureCollection\", \"features\": []}");
        assertThatThrownBy(() -> run("--input", frames.toString(), "--camera", "sim-thermal", "--out", mine.toString(), "--quiet"))
                .hasMessage(mine + " exists and was not written by skyshare detect; give --out a new file name. Nothing was written.");
        assertThat(Files.readString(mine)).isEqualTo("{\"type\": \"FeatureCollection\", \"features\": []}");
        // its own earlier output is replaced
        Path out = dir.resolve("detections.geojson");
        assertThat(run("--input", frames.toString(), "--camera", "sim-thermal", "--out", out.toString(), "--quiet")).isZero();
        assertThat(run("--input", frames.toString(), "--camera", "sim-thermal", "--out", out.toString(), "--quiet")).isZero();
        assertThat(new ObjectMapper().readTree(out.toFile()).at("/skyshare/frames_read").asInt()).isEqualTo(2);
    }

    @Test
    void aColourVideoIsSampledAndEveryAnalysedFrameCounted() throws Exception {
        Path video = org.skyshare.vision.frame.VideoFrameSourceTest.makeVideo(dir.resolve("patrol.mkv"), 20);  // 2 s at 10 fps
        Path out = dir.resolve("video.geojson");
        assertThat(run("--input", video.toString(), "--camera", "sim-rgb", "--out", out.toString(), "--quiet")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        // default sampling for colour video: one frame per 0.5 s -> frames at 0, 0.5, 1.0, 1.5 s
        assertThat(root.at("/skyshare/frames_read").asInt()).isEqualTo(4);
        assertThat(root.at("/skyshare/frames_skipped").asInt()).isZero();
        assertThat(root.at("/skyshare/camera").asText()).isEqualTo("sim-rgb");
        for (JsonNode f : root.get("features")) {
            assertThat(f.get("geometry").isNull()).isTrue();   // no telemetry: pixel boxes only
        }
    }
}
