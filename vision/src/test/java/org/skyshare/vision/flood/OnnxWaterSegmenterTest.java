package org.skyshare.vision.flood;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.vision.visual.ModelLoadException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OnnxWaterSegmenterTest {
    /** Pooled IoU floor on the first held-out photos; the whole held-out split is in docs/performance. */
    private static final double IOU_FLOOR = 0.6;
    private static OnnxWaterSegmenter segmenter;

    @BeforeAll
    static void load() {
        segmenter = WaterSegmenter.builtIn();
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    private static Path datasets() {
        return Path.of(System.getProperty("skyshare.shared.dir", "../../shared"), "datasets");
    }

    private static WaterMask mask(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Raster r = img.getRaster();
        BitSet bits = new BitSet();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (r.getSample(x, y, 0) > 0) {
                    bits.set(y * img.getWidth() + x);
                }
            }
        }
        return new WaterMask(img.getWidth(), img.getHeight(), bits);
    }

    @Test
    void segmentsHeldOutRiverPhotosAboveTheFloor() throws IOException {
        assumeTrue(Files.isDirectory(datasets().resolve(RiverSegDataset.FOLDER)),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: real-image check skipped");
        List<RiverSegDataset.Sample> held = RiverSegDataset.heldOut(datasets()).subList(0, 4);
        long inter = 0;
        long union = 0;
        for (RiverSegDataset.Sample s : held) {
            BufferedImage img = ImageIO.read(s.image().toFile());
            WaterMask pred = segmenter.segment(img);
            WaterMask truth = mask(s.mask());
            assertThat(pred.width()).isEqualTo(img.getWidth());
            assertThat(pred.height()).isEqualTo(img.getHeight());
            inter += pred.intersection(truth);
            union += pred.union(truth);
        }
        assertThat((double) inter / union).isGreaterThan(IOU_FLOOR);
    }

    @Test
    void missingUserModelNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("water.onnx");
        assertThatThrownBy(() -> OnnxWaterSegmenter.load(missing, 128, 0.5))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }
}
