package org.skyshare.vision.frame;

import org.skyshare.profiles.ThermalSpec;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns radiometric files into temperatures: 16-bit single-band images (TIFF/PNG) and headerless
 * raw 16-bit little-endian counts through the camera's mapping, 32-bit float TIFFs as degrees
 * Celsius directly. Anything else is not radiometric and is refused with the reason.
 */
public final class RadiometricDecoder {
    private RadiometricDecoder() {
    }

    /** Whether an image holds radiometric samples (one band of 16-bit integers or 32-bit floats). */
    public static boolean isRadiometric(BufferedImage img) {
        Raster r = img.getRaster();
        int type = r.getDataBuffer().getDataType();
        return r.getNumBands() == 1 && (type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_SHORT
                || type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE);
    }

    public static ThermalImage decode(BufferedImage img, ThermalSpec spec) {
        Raster r = img.getRaster();
        int w = r.getWidth(), h = r.getHeight();
        int type = r.getDataBuffer().getDataType();
        if (r.getNumBands() != 1) {
            throw new IllegalArgumentException("a radiometric image has one band, this one has " + r.getNumBands());
        }
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            return new ThermalImage(w, h, r.getSamples(0, 0, w, h, 0, new float[w * h]));
        }
        if (type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_SHORT) {
            if (spec == null) {
                throw new IllegalArgumentException("16-bit counts need a thermal camera profile to become temperatures");
            }
            int[] counts = r.getSamples(0, 0, w, h, 0, new int[w * h]);
            short[] raw = new short[counts.length];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (short) counts[i];
            }
            return ThermalImage.fromRaw(w, h, raw, spec);
        }
        throw new IllegalArgumentException("8-bit images are display-scaled, not temperatures");
    }

    /** Headerless raw counts, 16-bit little-endian, of exactly the camera's frame size. */
    public static ThermalImage decodeRaw(byte[] bytes, int width, int height, ThermalSpec spec) {
        long expected = 2L * width * height;
        if (bytes.length != expected) {
            throw new IllegalArgumentException("a raw " + width + "x" + height + " 16-bit frame has " + expected
                    + " bytes, this one has " + bytes.length);
        }
        short[] raw = new short[width * height];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(raw);
        return ThermalImage.fromRaw(width, height, raw, spec);
    }
}
