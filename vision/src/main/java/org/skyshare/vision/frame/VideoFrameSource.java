package org.skyshare.vision.frame;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Frames of a video file (MP4, MKV, ...) or network stream (RTSP, RTP/UDP via an SDP file or
 * {@code udp://}, H.264/H.265) decoded by FFmpeg through JavaCV, as visual frames.
 *
 * <p>Sampling: with a sample interval, only one frame per interval of presentation time is
 * converted and delivered; the others are decoded (H.264 needs them) but not converted, which is
 * what keeps a 30 fps 1080p stream within two cores. Frames FFmpeg cannot decode are skipped and
 * counted; after {@value #MAX_CONSECUTIVE_FAILURES} failures in a row the stream is treated as ended.
 * Poses come from a {@link PoseTrack} by presentation time (DJI SRT / CSV beside the video).
 */
public final class VideoFrameSource implements FrameSource {
    static final int MAX_CONSECUTIVE_FAILURES = 50;

    static {
        // FFmpeg reports every damaged packet on stderr; our stats count them instead
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final String input;
    private final String cameraId;
    private final PoseTrack poses;
    private final double sampleIntervalS;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final FrameSourceStats stats = new FrameSourceStats();
    private final Instant startTime;
    private long sequence;
    private double nextSampleS = Double.NEGATIVE_INFINITY;
    private long sampledOut;
    private boolean ended;

    /**
     * @param input           a file path or a stream URL
     * @param sampleIntervalS deliver at most one frame per this many seconds of video (0: every frame)
     */
    public VideoFrameSource(String input, String cameraId, PoseTrack poses, double sampleIntervalS) {
        this.input = Objects.requireNonNull(input, "input");
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.poses = poses == null ? PoseTrack.NONE : poses;
        this.sampleIntervalS = Math.max(0, sampleIntervalS);
        boolean stream = isStreamUrl(input);
        if (!stream && !Files.isRegularFile(Path.of(input))) {
            throw new FrameSourceException("The video " + input + " does not exist.");
        }
        grabber = new FFmpegFrameGrabber(input);
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://")) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", "5000000");
        } else if (lower.endsWith(".sdp")) {
            grabber.setOption("protocol_whitelist", "file,udp,rtp");
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            throw new FrameSourceException("The video " + input + " cannot be opened: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).trim()
                    + ". Expected a video FFmpeg can decode (MP4, MKV, H.264/H.265, RTSP/RTP).", e);
        }
        if (grabber.getImageWidth() <= 0) {
            closeQuietly();
            throw new FrameSourceException("The file " + input + " holds no video stream.");
        }
        startTime = Instant.EPOCH;
    }

    public static boolean isStreamUrl(String input) {
        String l = input.toLowerCase(Locale.ROOT);
        return l.startsWith("rtsp://") || l.startsWith("rtp://") || l.startsWith("udp://") || l.startsWith("srt://")
                || l.startsWith("tcp://") || l.startsWith("http://") || l.startsWith("https://");
    }

    public static boolean isVideoFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mp4") || n.endsWith(".mkv") || n.endsWith(".mov") || n.endsWith(".avi")
                || n.endsWith(".ts") || n.endsWith(".h264") || n.endsWith(".h265") || n.endsWith(".sdp");
    }

    @Override
    public Optional<Frame> next() {
        int failures = 0;
        while (!ended) {
            org.bytedeco.javacv.Frame f;
            try {
                f = grabber.grabImage();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                stats.skipped("frame after #" + sequence + ": " + e.getMessage());
                if (++failures >= MAX_CONSECUTIVE_FAILURES) {
                    ended = true;
                    stats.skipped("stopped after " + failures + " undecodable frames in a row");
                }
                continue;
            }
            if (f == null) {
                ended = true;
                break;
            }
            if (f.image == null) {
                continue;
            }
            double mediaTimeS = grabber.getTimestamp() / 1e6;
            if (mediaTimeS < nextSampleS) {
                sampledOut++;
                continue;
            }
            BufferedImage img;
            try {
                img = Java2DFrameConverter.cloneBufferedImage(converter.convert(f));
            } catch (RuntimeException e) {
                stats.skipped("frame at " + String.format(Locale.ROOT, "%.3f", mediaTimeS) + " s: " + e.getMessage());
                continue;
            }
            if (img == null) {
                stats.skipped("frame at " + String.format(Locale.ROOT, "%.3f", mediaTimeS) + " s: no image");
                continue;
            }
            nextSampleS = sampleIntervalS > 0 ? Math.max(nextSampleS, mediaTimeS) + sampleIntervalS : Double.NEGATIVE_INFINITY;
            stats.delivered();
            CapturePose pose = poses.poseAt(mediaTimeS).orElse(null);
            Instant ts = startTime.plusNanos((long) (mediaTimeS * 1e9));
            return Optional.of(Frame.visual(sequence++, ts, mediaTimeS, cameraId, pose, img));
        }
        return Optional.empty();
    }

    /** Frames decoded but not delivered because of the sample interval. */
    public long sampledOutFrames() {
        return sampledOut;
    }

    public double frameRate() {
        return grabber.getFrameRate();
    }

    @Override
    public OptionalLong expectedFrames() {
        int n = grabber.getLengthInVideoFrames();
        if (n <= 0) {
            return OptionalLong.empty();
        }
        if (sampleIntervalS > 0 && grabber.getFrameRate() > 0) {
            return OptionalLong.of((long) Math.ceil(n / Math.max(1, sampleIntervalS * grabber.getFrameRate())));
        }
        return OptionalLong.of(n);
    }

    @Override
    public FrameSourceStats stats() {
        return stats;
    }

    @Override
    public String describe() {
        return input;
    }

    @Override
    public void close() {
        ended = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // nothing useful to tell the user when a stream fails to close
        }
        converter.close();
    }
}
