package org.skyshare.vision.frame;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class VideoFrameSourceTest {
    @TempDir
    Path dir;

    /** A 10 fps video whose frame i shows a white square at x = 4 * i on black. */
    public static Path makeVideo(Path file, int frames) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 160, 120)) {
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFormat(file.toString().endsWith(".mkv") ? "matroska" : "mp4");
            rec.setFrameRate(10);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setVideoBitrate(400_000);
            rec.setGopSize(5);
            rec.start();
            try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
                for (int i = 0; i < frames; i++) {
                    BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = img.createGraphics();
                    g.setColor(Color.WHITE);
                    g.fillRect(4 * i, 50, 16, 16);
                    g.dispose();
                    rec.record(conv.convert(img));
                }
            }
            rec.stop();
        }
        return file;
    }

    private static List<Frame> drain(FrameSource s) {
        List<Frame> out = new ArrayList<>();
        for (Optional<Frame> f = s.next(); f.isPresent(); f = s.next()) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void readsEveryFrameWithItsTimeInOrder() throws Exception {
        Path video = makeVideo(dir.resolve("clip.mkv"), 20);
        try (VideoFrameSource s = new VideoFrameSource(video.toString(), "sim-rgb", PoseTrack.NONE, 0)) {
            List<Frame> frames = drain(s);
            assertThat(frames).hasSize(20);
            assertThat(frames.get(5).mediaTimeS()).isCloseTo(0.5, within(0.01));
            assertThat(frames.get(5).rgb().getWidth()).isEqualTo(160);
            // the square moved: frames are distinct images, not one reused buffer
            assertThat(brightestColumn(frames.get(2).rgb())).isBetween(6, 24);
            assertThat(brightestColumn(frames.get(10).rgb())).isBetween(38, 56);
            assertThat(s.stats().skippedFrames()).isZero();
        }
    }

    @Test
    void samplingDeliversOneFramePerInterval() throws Exception {
        Path video = makeVideo(dir.resolve("clip.mp4"), 30);
        try (VideoFrameSource s = new VideoFrameSource(video.toString(), "sim-rgb", PoseTrack.NONE, 0.5)) {
            List<Frame> frames = drain(s);
            assertThat(frames).hasSize(6);
            assertThat(s.sampledOutFrames()).isEqualTo(24);
            assertThat(frames.get(1).mediaTimeS()).isCloseTo(0.5, within(0.01));
        }
    }

    @Test
    void aTruncatedVideoGivesTheFramesBeforeTheCut() throws Exception {
        Path video = makeVideo(dir.resolve("cut.mkv"), 40);
        long size = Files.size(video);
        try (RandomAccessFile f = new RandomAccessFile(video.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        try (VideoFrameSource s = new VideoFrameSource(video.toString(), "sim-rgb", PoseTrack.NONE, 0)) {
            List<Frame> frames = drain(s);
            assertThat(frames.size()).isBetween(5, 39);
        }
    }

    @Test
    void garbageInTheMiddleDoesNotStopTheStream() throws Exception {
        Path video = makeVideo(dir.resolve("bad.mkv"), 40);
        byte[] bytes = Files.readAllBytes(video);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 3000 && i < bytes.length; i++) {
            bytes[i] = (byte) rnd.nextInt(256);
        }
        Files.write(video, bytes);
        try (VideoFrameSource s = new VideoFrameSource(video.toString(), "sim-rgb", PoseTrack.NONE, 0)) {
            List<Frame> frames = drain(s);
            // frames after the damage are still delivered
            assertThat(frames).isNotEmpty();
            assertThat(frames.get(frames.size() - 1).mediaTimeS()).isGreaterThan(3.0);
        }
    }

    @Test
    void missingAndNonVideoFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> new VideoFrameSource(dir.resolve("nope.mp4").toString(), "sim-rgb", null, 0))
                .isInstanceOf(FrameSourceException.class).hasMessageContaining("nope.mp4 does not exist");
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        assertThatThrownBy(() -> new VideoFrameSource(text.toString(), "sim-rgb", null, 0))
                .isInstanceOf(FrameSourceException.class).hasMessageContaining("notes.mp4 cannot be opened");
    }

    @Test
    void posesFromTelemetryFollowTheVideoTime() throws Exception {
        Path video = makeVideo(dir.resolve("clip.mkv"), 20);
        PoseTrack track = new PoseTrack(List.of(
                new PoseTrack.Sample(0, CapturePose.nadir(30.0, 120.0, 10, 100, 0)),
                new PoseTrack.Sample(1.0, CapturePose.nadir(30.001, 120.0, 10, 100, 0))), java.util.Map.of(), 0.6);
        try (VideoFrameSource s = new VideoFrameSource(video.toString(), "sim-rgb", track, 0)) {
            List<Frame> frames = drain(s);
            assertThat(frames.get(5).pose().latDeg()).isCloseTo(30.0005, within(1e-6));
            // beyond the telemetry's end plus tolerance: no pose rather than a wrong one
            assertThat(frames.get(19).pose()).isNull();
        }
    }

    private static int brightestColumn(BufferedImage img) {
        int best = 0;
        long bestSum = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            long sum = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                sum += img.getRGB(x, y) & 0xFF;
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = x;
            }
        }
        return best;
    }
}
