package org.skyshare.sim.stream;

import org.skyshare.profiles.ThermalSpec;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.sim.camera.VehiclePose;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The body of one streamed frame (split into packets by {@link PacketFormat}): a fixed 128-byte
 * big-endian header with capture time, pose, gimbal, size and the raw-count mapping, then the raw
 * counts as unsigned 16-bit big-endian values row by row. The layout is in docs/sim-world.md.
 */
final class FrameBody {
    static final int HEADER = 128;

    private FrameBody() {
    }

    /** A decoded body: metadata, and for thermal frames the pixels. */
    record Decoded(FrameMetadata metadata, int width, int height, long videoPtsUs, RadiometricFrame thermal) {
    }

    static byte[] thermal(FrameMetadata m, RadiometricFrame f) {
        byte[] body = new byte[HEADER + 2 * f.rawCounts().length];
        ByteBuffer b = ByteBuffer.wrap(body);
        b.position(HEADER);
        b.asShortBuffer().put(f.rawCounts());
        CRC32 crc = new CRC32();
        crc.update(body, HEADER, body.length - HEADER);
        writeHeader(b, m, f.width(), f.height(), f.spec(), 0, crc.getValue());
        return body;
    }

    static byte[] rgbMetadata(FrameMetadata m, int width, int height, long videoPtsUs) {
        byte[] body = new byte[HEADER];
        writeHeader(ByteBuffer.wrap(body), m, width, height, null, videoPtsUs, 0);
        return body;
    }

    private static void writeHeader(ByteBuffer b, FrameMetadata m, int width, int height, ThermalSpec spec, long ptsUs, long pixelCrc) {
        byte[] cam = m.cameraId().getBytes(StandardCharsets.US_ASCII);
        b.position(0);
        b.putShort((short) HEADER).putShort((short) (spec != null && spec.rawSigned() ? 1 : 0)).putLong(m.captureTimeUs())
                .putDouble(m.pose().latDeg()).putDouble(m.pose().lonDeg()).putDouble(m.pose().altitudeAmslM())
                .putFloat((float) m.pose().headingDeg()).putFloat((float) m.gimbal().pitchDeg())
                .putFloat((float) m.gimbal().rollDeg()).putFloat((float) m.gimbal().yawDeg())
                .putShort((short) width).putShort((short) height)
                .putDouble(spec == null ? 0 : spec.rawScale()).putDouble(spec == null ? 0 : spec.rawOffsetC())
                .put((byte) (spec == null ? 0 : spec.rawBits())).put((byte) cam.length);
        b.put(cam).put(new byte[24 - cam.length]).putShort((short) 0)
                .putFloat((float) (spec == null ? 0 : spec.rangeMinC())).putFloat((float) (spec == null ? 0 : spec.rangeMaxC()))
                .putFloat((float) (spec == null ? 0 : spec.netdMk())).putLong(ptsUs).putInt((int) pixelCrc)
                .putFloat((float) m.groundAltitudeAmslM());
    }

    /** Decodes a complete body; throws {@link IllegalArgumentException} when it is inconsistent. */
    static Decoded decode(int streamId, long sequence, byte[] body, boolean thermal) {
        if (body.length < HEADER) {
            throw new IllegalArgumentException("frame body of " + body.length + " bytes is shorter than its " + HEADER + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        int headerLength = b.getShort(0) & 0xffff;
        if (headerLength != HEADER) {
            throw new IllegalArgumentException("frame body header length " + headerLength + ", expected " + HEADER);
        }
        boolean signed = (b.getShort(2) & 1) != 0;
        long capture = b.getLong(4);
        VehiclePose pose = new VehiclePose(b.getDouble(12), b.getDouble(20), b.getDouble(28), b.getFloat(36));
        GimbalAttitude gimbal = new GimbalAttitude(b.getFloat(40), b.getFloat(44), b.getFloat(48));
        int width = b.getShort(52) & 0xffff;
        int height = b.getShort(54) & 0xffff;
        double scale = b.getDouble(56);
        double offset = b.getDouble(64);
        int bits = b.get(72) & 0xff;
        int camLength = b.get(73) & 0xff;
        if (camLength < 1 || camLength > 24) {
            throw new IllegalArgumentException("camera id length " + camLength + " outside 1..24");
        }
        String camera = new String(body, 74, camLength, StandardCharsets.US_ASCII);
        ThermalSpec spec = new ThermalSpec(b.getFloat(100), b.getFloat(104), b.getFloat(108), bits, scale, offset, signed);
        long pts = b.getLong(112);
        FrameMetadata meta = new FrameMetadata(streamId, camera, sequence, capture, pose, gimbal, b.getFloat(124));
        if (!thermal) {
            return new Decoded(meta, width, height, pts, null);
        }
        if (bits != 16) {
            throw new IllegalArgumentException("raw counts of " + bits + " bits; this stream carries 16-bit counts");
        }
        if (body.length != HEADER + 2L * width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + (HEADER + 2L * width * height)
                    + " body bytes, got " + body.length);
        }
        CRC32 crc = new CRC32();
        crc.update(body, HEADER, body.length - HEADER);
        if ((int) crc.getValue() != b.getInt(120)) {
            throw new IllegalArgumentException("pixel CRC mismatch");
        }
        short[] raw = new short[width * height];
        b.position(HEADER);
        b.asShortBuffer().get(raw);
        return new Decoded(meta, width, height, pts, new RadiometricFrame(width, height, raw, spec));
    }
}
