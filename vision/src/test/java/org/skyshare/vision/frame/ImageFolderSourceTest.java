package org.skyshare.vision.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageFolderSourceTest {
    @TempDir
    Path dir;

    private final CameraProfile thermal = ProfileCatalog.builtIn().camera("sim-thermal");
    private final CameraProfile rgb = ProfileCatalog.builtIn().camera("sim-rgb");

    static void writeFloatTiff(Path file, int w, int h, float value) throws Exception {
        DataBufferFloat db = new DataBufferFloat(w * h);
        for (int i = 0; i < w * h; i++) {
            db.setElemFloat(i, value);
        }
        var raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT, w, h, 1, w, new int[] {0}), db, null);
        var cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        ImageIO.write(new BufferedImage(cm, raster, false, null), "tiff", file.toFile());
    }

    private static List<Frame> drain(FrameSource s) {
        List<Frame> out = new ArrayList<>();
        for (Optional<Frame> f = s.next(); f.isPresent(); f = s.next()) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void readsRadiometricTiffsAndRawCountsSkippingBadFiles() throws Exception {
        // 16-bit counts: 300 degC at 0.05 K/count
        BufferedImage counts = new BufferedImage(640, 512, BufferedImage.TYPE_USHORT_GRAY);
        counts.getRaster().setSample(10, 20, 0, thermal.thermal().toRaw(300));
        counts.getRaster().setSample(11, 20, 0, thermal.thermal().toRaw(20));
        ImageIO.write(counts, "tiff", dir.resolve("a-counts.tif").toFile());
        writeFloatTiff(dir.resolve("b-float.tiff"), 64, 48, 36.6f);
        ByteBuffer raw = ByteBuffer.allocate(640 * 512 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 640 * 512; i++) {
            raw.putShort((short) thermal.thermal().toRaw(15));
        }
        Files.write(dir.resolve("c-frame.raw"), raw.array());
        Files.write(dir.resolve("d-short.raw"), new byte[1000]);            // wrong size
        Files.writeString(dir.resolve("e-broken.png"), "not a png");       // corrupt
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        try (ImageFolderSource s = new ImageFolderSource(dir, thermal, null)) {
            assertThat(s.expectedFrames().getAsLong()).isEqualTo(5);
            List<Frame> frames = drain(s);
            assertThat(frames).hasSize(3).allSatisfy(f -> assertThat(f.isThermal()).isTrue());
            assertThat(frames.get(0).thermal().temperatureC(10, 20)).isCloseTo(300f, within(0.03f));
            assertThat(frames.get(0).thermal().temperatureC(11, 20)).isCloseTo(20f, within(0.03f));
            assertThat(frames.get(1).thermal().temperatureC(5, 5)).isEqualTo(36.6f);
            assertThat(frames.get(2).thermal().temperatureC(100, 100)).isCloseTo(15f, within(0.03f));
            assertThat(s.stats().skippedFrames()).isEqualTo(2);
            assertThat(s.stats().skipReasons()).anySatisfy(r -> assertThat(r).contains("d-short.raw").contains("655360 bytes"));
            assertThat(s.stats().skipReasons()).anySatisfy(r -> assertThat(r).contains("e-broken.png"));
        }
    }

    @Test
    void visualImagesGetPosesByFileName() throws Exception {
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_3BYTE_BGR), "jpg", dir.resolve("DJI_0001.JPG").toFile());
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_3BYTE_BGR), "png", dir.resolve("DJI_0002.png").toFile());
        CapturePose p = CapturePose.nadir(30, 120, 5, 80, 45);
        PoseTrack track = new PoseTrack(List.of(), Map.of("DJI_0002.png", p), 1);
        try (ImageFolderSource s = new ImageFolderSource(dir, rgb, track)) {
            List<Frame> frames = drain(s);
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).pose()).isNull();
            assertThat(frames.get(1).pose()).isEqualTo(p);
            assertThat(frames.get(1).isThermal()).isFalse();
        }
    }

    @Test
    void radiometricFilesForAVisualCameraAreSkippedWithTheReason() throws Exception {
        writeFloatTiff(dir.resolve("t.tif"), 8, 8, 20f);
        try (ImageFolderSource s = new ImageFolderSource(dir, rgb, null)) {
            assertThat(drain(s)).isEmpty();
            assertThat(s.stats().skipReasons()).singleElement().asString().contains("not a thermal camera");
        }
    }

    @Test
    void emptyOrMissingInputsAreClearErrors() {
        assertThatThrownBy(() -> new ImageFolderSource(dir, rgb, null)).hasMessageContaining("holds no images");
        assertThatThrownBy(() -> new ImageFolderSource(dir.resolve("x"), rgb, null)).hasMessageContaining("does not exist");
    }
}
