package org.skyshare.vision.cli;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.PoseTrack;
import org.skyshare.vision.frame.VideoFrameSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Decoding a 1080p 30 fps H.264 stream with frame sampling: can one core keep up in real time? */
final class VideoBench {
    private VideoBench() {
    }

    static void run(double seconds, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("skyshare-bench-video");
        try {
            Path clip = dir.resolve("clip.mp4");
            int frames = (int) Math.round(seconds * 30);
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(clip.toFile(), 1920, 1080);
                 Java2DFrameConverter conv = new Java2DFrameConverter()) {
                rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                rec.setFormat("mp4");
                rec.setFrameRate(30);
                rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                rec.setVideoBitrate(8_000_000);
                rec.start();
                BufferedImage img = new BufferedImage(1920, 1080, BufferedImage.TYPE_3BYTE_BGR);
                for (int i = 0; i < frames; i++) {
                    Graphics2D g = img.createGraphics();
                    g.setColor(new Color(40, 90 + (i % 60), 40));
                    g.fillRect(0, 0, 1920, 1080);
                    g.setColor(Color.ORANGE);
                    g.fillOval(200 + i * 4, 500, 120, 80);
                    g.dispose();
                    rec.record(conv.convert(img));
                }
                rec.stop();
            }
            long start = System.nanoTime();
            long delivered = 0;
            try (VideoFrameSource src = new VideoFrameSource(clip.toString(), "sim-rgb", PoseTrack.NONE, 0.5)) {
                for (Optional<Frame> f = src.next(); f.isPresent(); f = src.next()) {
                    delivered++;
                }
                double wall = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "video: %d frames of 1080p30 H.264 (%.0f s) decoded in %.2f s = %.1fx real time on one thread; "
                                + "%d frames delivered at one per 0.5 s (%d decoded but not converted)%n",
                        frames, seconds, wall, seconds / wall, delivered, src.sampledOutFrames());
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
