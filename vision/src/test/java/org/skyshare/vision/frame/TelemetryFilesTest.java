package org.skyshare.vision.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TelemetryFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvRowsBecomeInterpolatedPoses() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), """
                time_s,lat_deg,lon_deg,alt_amsl_m,height_agl_m,yaw_deg,gimbal_pitch_deg
                0,30.0,120.0,150,100,350,-90
                2,30.002,120.0,152,100,10,-80
                """);
        PoseTrack t = TelemetryFiles.read(csv);
        CapturePose mid = t.poseAt(1.0).orElseThrow();
        assertThat(mid.latDeg()).isCloseTo(30.001, within(1e-9));
        assertThat(mid.groundAltitudeAmslM()).isCloseTo(51, within(1e-9));
        assertThat(mid.heightAglM()).isCloseTo(100, within(1e-9));
        // heading interpolates across north, not through south
        assertThat(mid.yawDeg() % 360).isCloseTo(0, within(1e-9));
        assertThat(mid.gimbalPitchDeg()).isCloseTo(-85, within(1e-9));
        assertThat(t.poseAt(3.5)).isEmpty();
    }

    @Test
    void csvErrorsNameTheFileLineAndField() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                time_s,lat_deg,lon_deg,alt_amsl_m,ground_alt_m
                0,30.0,120.0,150,50
                1,thirty,120.0,150,50
                """);
        assertThatThrownBy(() -> TelemetryFiles.read(bad)).isInstanceOf(TelemetryException.class)
                .hasMessageContaining("bad.csv:3").hasMessageContaining("'lat_deg'").hasMessageContaining("expected a number");
        Path noAlt = Files.writeString(dir.resolve("noalt.csv"), "time_s,lat_deg,lon_deg\n0,30,120\n");
        assertThatThrownBy(() -> TelemetryFiles.read(noAlt)).hasMessageContaining("noalt.csv:1: missing column 'alt_amsl_m'");
        Path range = Files.writeString(dir.resolve("range.csv"), "time_s,lat_deg,lon_deg,alt_amsl_m,ground_alt_m\n0,130,120,5,0\n");
        assertThatThrownBy(() -> TelemetryFiles.read(range)).hasMessageContaining("range.csv:2: latitude");
    }

    @Test
    void djiSrtBlocksGivePosesAtTheirSubtitleTimes() throws Exception {
        Path srt = Files.writeString(dir.resolve("DJI_0001.SRT"), """
                1
                00:00:00,000 --> 00:00:00,033
                <font size="28">FrameCnt: 1, DiffTime: 33ms
                2024-05-01 10:21:33.123
                [iso: 100] [shutter: 1/1000.0] [fnum: 2.8] [ev: 0] [latitude: 30.401000] [longitude: 119.901000] [rel_alt: 100.000 abs_alt: 152.500] [gb_yaw: 45.0 gb_pitch: -60.0 gb_roll: 0.0] </font>

                2
                00:00:01,000 --> 00:00:01,033
                <font size="28">FrameCnt: 31, DiffTime: 33ms
                2024-05-01 10:21:34.123
                [iso: 100] [latitude: 30.402000] [longitude: 119.901000] [rel_alt: 102.000 abs_alt: 154.500] [gb_yaw: 47.0 gb_pitch: -60.0 gb_roll: 0.0] </font>
                """);
        PoseTrack t = TelemetryFiles.read(srt);
        CapturePose p = t.poseAt(0.5).orElseThrow();
        assertThat(p.latDeg()).isCloseTo(30.4015, within(1e-9));
        assertThat(p.groundAltitudeAmslM()).isCloseTo(52.5, within(1e-9));
        assertThat(p.heightAglM()).isCloseTo(101, within(1e-9));
        assertThat(p.yawDeg()).isCloseTo(46, within(1e-9));
        assertThat(p.gimbalPitchDeg()).isEqualTo(-60);
    }

    @Test
    void anSrtWithoutPositionsIsRefused() throws Exception {
        Path srt = Files.writeString(dir.resolve("movie.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHello\n");
        assertThatThrownBy(() -> TelemetryFiles.read(srt)).hasMessageContaining("is this a DJI flight SRT file?");
    }
}
