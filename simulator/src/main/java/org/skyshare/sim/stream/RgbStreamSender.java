package org.skyshare.sim.stream;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Streams RGB frames as H.264 (libopenh264, or MPEG-4 Part 2 where that encoder is missing) in
 * MPEG-TS over UDP through FFmpeg, so any video tool can watch it ({@code ffplay udp://@:PORT}).
 * Each frame's metadata (capture time, pose, gimbal) goes to a side channel on a second UDP port
 * in the packet format of the radiometric stream, keyed by the frame's presentation time: frame
 * {@code n} of the stream is presented at {@code n / frameRate} seconds.
 * <p>
 * Each picture is followed half an interval later by a repeat of it. MPEG-TS gives a large video
 * frame no length, so a demuxer hands it on only when the next frame starts; at a patrol's two
 * frames a second that would hold every picture back half a second. The repeat (skipped
 * blocks, small next to the picture) releases the picture at once; receivers drop it.
 */
public final class RgbStreamSender implements AutoCloseable {
    private final FFmpegFrameRecorder recorder;
    private final PacketSender metadata;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final int width;
    private final int height;
    private final double frameRate;
    private final String codecName;
    private long frameIndex;

    static {
        // FFmpeg's own chatter (stream banners, encoder notes) would fill the station's console
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    public RgbStreamSender(InetSocketAddress video, InetSocketAddress metadataTarget, int width, int height, double frameRate) throws IOException {
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        FFmpegFrameRecorder r = null;
        String used = null;
        FrameRecorder.Exception last = null;
        for (String codec : new String[] {"libopenh264", "mpeg4"}) {
            FFmpegFrameRecorder attempt = recorder(video, codec);
            try {
                attempt.start();
                r = attempt;
                used = codec;
                break;
            } catch (FrameRecorder.Exception e) {
                last = e;
                attempt.release();
            }
        }
        if (r == null) {
            throw new IOException("cannot start an H.264 or MPEG-4 video stream to udp://" + video.getHostString() + ":" + video.getPort()
                    + ": " + (last == null ? "no encoder" : last.getMessage()), last);
        }
        this.recorder = r;
        this.codecName = used;
        this.metadata = new PacketSender(metadataTarget, PacketSender.DEFAULT_PAYLOAD);
    }

    private FFmpegFrameRecorder recorder(InetSocketAddress video, String codec) {
        // pkt_size 1316 = 7 TS packets, the usual size that fits one Ethernet frame
        FFmpegFrameRecorder r = new FFmpegFrameRecorder("udp://" + video.getAddress().getHostAddress() + ":" + video.getPort() + "?pkt_size=1316", width, height);
        r.setFormat("mpegts");
        r.setVideoCodecName(codec);
        r.setVideoCodec(codec.equals("mpeg4") ? avcodec.AV_CODEC_ID_MPEG4 : avcodec.AV_CODEC_ID_H264);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(2 * frameRate);
        // a key frame every second lets a station that joins late start decoding quickly; an even
        // group length keeps key frames on pictures rather than on repeats
        r.setGopSize(2 * Math.max(1, (int) Math.round(frameRate)));
        r.setVideoBitrate(Math.max(500_000, width * height * 4));
        r.setVideoOption("allow_skip_frames", "0");
        return r;
    }

    public String codecName() {
        return codecName;
    }

    public double frameRate() {
        return frameRate;
    }

    /** Encodes and sends one frame; the image must have the stream's size. */
    public void send(FrameMetadata m, BufferedImage image) throws IOException {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + image.getWidth() + "x" + image.getHeight() + ", the stream is " + width + "x" + height);
        }
        long ptsUs = Math.round(frameIndex * 1_000_000 / frameRate);
        // metadata first, so it is waiting when the decoder hands out the picture
        metadata.send(PacketFormat.TYPE_RGB_META, m.streamId(), m.sequence(), FrameBody.rgbMetadata(m, width, height, ptsUs));
        org.bytedeco.javacv.Frame frame = converter.convert(image);
        recorder.setTimestamp(ptsUs);
        recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        recorder.setTimestamp(repeatPtsUs(frameIndex, frameRate));
        recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        frameIndex++;
    }

    /** When the repeat of picture {@code n} is presented: half an interval after it. */
    static long repeatPtsUs(long n, double frameRate) {
        return Math.round((2 * n + 1) * 1_000_000 / (2 * frameRate));
    }

    public long framesSent() {
        return frameIndex;
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.stop();
            recorder.release();
        } finally {
            metadata.close();
        }
    }
}
