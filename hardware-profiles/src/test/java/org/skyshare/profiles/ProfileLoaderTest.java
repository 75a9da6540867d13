package org.skyshare.profiles;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileLoaderTest {
    private static final String CAMERA = """
            kind: camera
            id: test-thermal
            name: Test thermal core
            manufacturer: Test
            camera_kind: thermal
            sensor_width_mm: 7.68
            sensor_height_mm: 6.144
            focal_length_mm: 9.1
            image_width_px: 640
            image_height_px: 512
            min_capture_interval_s: 1
            gimbal:
              pitch_min_deg: -90
              pitch_max_deg: 30
              yaw_min_deg: 0
              yaw_max_deg: 0
            thermal:
              range_min_c: -20
              range_max_c: 550
              netd_mk: 50
              raw_bits: 16
              raw_scale: 0.01
              raw_offset_c: -273.15
            source:
              title: Test sheet
              url: https://example.org/sheet
            """;

    private static Problem only(String yaml) {
        ProfileException e = (ProfileException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ProfileLoader.parse(yaml, "cams/test.yaml"));
        assertThat(e).as("the profile should be rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aValidProfileLoads() {
        CameraProfile c = (CameraProfile) ProfileLoader.parse(CAMERA, "cams/test.yaml");
        assertThat(c.id()).isEqualTo("test-thermal");
        assertThat(c.measuresTemperature()).isTrue();
        assertThat(c.thermal().rawSigned()).isFalse();
        assertThat(c.geometry().gsdM(100)).isGreaterThan(0.13);
    }

    @Test
    void negativeFocalLengthNamesFileLineAndField() {
        Problem p = only(CAMERA.replace("focal_length_mm: 9.1", "focal_length_mm: -9.1"));
        assertThat(p.file()).isEqualTo("cams/test.yaml");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.field()).isEqualTo("focal_length_mm");
        assertThat(p.toString()).isEqualTo("cams/test.yaml:8: field 'focal_length_mm': expected a number of "
                + "millimetres (the unit is in the field name) greater than 0, got -9.1");
    }

    @Test
    void aValueWithAUnitIsAWrongUnit() {
        Problem p = only(CAMERA.replace("focal_length_mm: 9.1", "focal_length_mm: 0.91 cm"));
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.field()).isEqualTo("focal_length_mm");
        assertThat(p.message()).contains("millimetres").contains("0.91 cm");
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        Problem p = only(CAMERA.replace("netd_mk: 50", "netd_mk: 50\n  netd_c: 0.05"));
        assertThat(p.line()).isEqualTo(21);
        assertThat(p.field()).isEqualTo("thermal.netd_c");
        assertThat(p.message()).startsWith("unknown field").contains("netd_mk");
    }

    @Test
    void missingFieldIsToldApartFromZero() {
        Problem p = only(CAMERA.replace("image_height_px: 512\n", ""));
        assertThat(p.field()).isEqualTo("image_height_px");
        assertThat(p.message()).startsWith("missing").contains("pixels");
    }

    @Test
    void nestedRangeViolationPointsAtTheNestedLine() {
        Problem p = only(CAMERA.replace("range_max_c: 550", "range_max_c: -50"));
        assertThat(p.field()).isEqualTo("thermal.range_max_c");
        assertThat(p.line()).isEqualTo(19);
    }

    @Test
    void unknownKindAndBadYamlAreClear() {
        Problem kind = only(CAMERA.replace("kind: camera", "kind: gimbal"));
        assertThat(kind.field()).isEqualTo("kind");
        assertThat(kind.message()).contains("aircraft, camera, dock").contains("gimbal");

        Problem yaml = only("kind: camera\nid: [unclosed\n");
        assertThat(yaml.message()).startsWith("not valid YAML");
        assertThat(yaml.line()).isGreaterThan(0);
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        String broken = CAMERA.replace("focal_length_mm: 9.1", "focal_length_mm: 0")
                .replace("image_width_px: 640", "image_width_px: -1")
                .replace("  url: https://example.org/sheet\n", "");
        ProfileException e = (ProfileException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ProfileLoader.parse(broken, "x.yaml"));
        Set<String> fields = e.problems().stream().map(Problem::field).collect(Collectors.toSet());
        assertThat(fields).contains("focal_length_mm", "image_width_px", "source");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ProfileLoader.load(missing)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("nope.yaml").hasMessageContaining("no such file; expected a hardware profile (YAML)");
    }

    @Test
    void userFolderAddsProfilesAndReportsBrokenOnes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), CAMERA);
        ProfileCatalog catalog = ProfileCatalog.withFolder(dir);
        assertThat(catalog.camera("test-thermal").focalLengthMm()).isEqualTo(9.1);
        assertThat(catalog.camera("dji-m30t-thermal")).isNotNull();

        Files.writeString(dir.resolve("bad.yaml"), CAMERA.replace("id: test-thermal", "id: other").replace("9.1", "-1"));
        assertThatThrownBy(() -> ProfileCatalog.withFolder(dir)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("bad.yaml:8");
    }
}
