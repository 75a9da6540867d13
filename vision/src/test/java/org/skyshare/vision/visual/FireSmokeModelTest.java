package org.skyshare.vision.visual;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FireSmokeModelTest {
    /** The shipped model centres 20 of these 20 frames' boxes on a label (all held-out frames: 0.665). */
    private static final int LOCATED_FLOOR = 15;
    private static FireSmokeModel model;

    @BeforeAll
    static void load() {
        model = FireSmokeModel.builtIn();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Path datasets() {
        return Path.of(System.getProperty("skyshare.shared.dir", "../../shared"), "datasets");
    }

    private static BufferedImage read(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        assertThat(img).as("readable image %s", p).isNotNull();
        return img;
    }

    private static long correct(List<FireSmokeDataset.LabelledImage> images) throws IOException {
        long ok = 0;
        for (FireSmokeDataset.LabelledImage i : images) {
            if (model.classify(read(i.path())).isHazard() == i.hazard()) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void builtInModelTellsHeldOutFireFromNormalPhotos() throws IOException {
        assumeTrue(Files.isDirectory(datasets().resolve(FireSmokeDataset.CAIR)),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: real-image check skipped");
        List<FireSmokeDataset.LabelledImage> held = FireSmokeDataset.heldOut(FireSmokeDataset.cair(datasets()));
        List<FireSmokeDataset.LabelledImage> fire = held.stream().filter(FireSmokeDataset.LabelledImage::fire).limit(6).toList();
        List<FireSmokeDataset.LabelledImage> normal = held.stream().filter(i -> !i.fire()).limit(6).toList();
        assertThat(fire).hasSize(6);
        assertThat(normal).hasSize(6);
        assertThat(correct(fire)).as("held-out fire photos scored as hazard").isGreaterThanOrEqualTo(5);
        assertThat(correct(normal)).as("held-out normal photos scored as no hazard").isGreaterThanOrEqualTo(5);
    }

    @Test
    void builtInModelFindsFireAndSmokeInHeldOutVideoFrames() throws IOException {
        assumeTrue(Files.isDirectory(datasets().resolve(FireSmokeDataset.ROBOFLOW)),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: real-image check skipped");
        List<FireSmokeDataset.LabelledImage> held = FireSmokeDataset.heldOut(FireSmokeDataset.roboflow(datasets()));
        List<FireSmokeDataset.LabelledImage> positives = held.stream()
                .filter(FireSmokeDataset.LabelledImage::hazard).limit(8).toList();
        assertThat(correct(positives)).isGreaterThanOrEqualTo(7);
    }

    @Test
    void builtInModelPlacesItsBoxesOnTheLabelledFireAndSmoke() throws IOException {
        assumeTrue(Files.isDirectory(datasets().resolve(FireSmokeDataset.ROBOFLOW)),
                "datasets folder " + datasets().toAbsolutePath() + " is absent: real-image check skipped");
        List<FireSmokeDataset.LabelledImage> labelled = FireSmokeDataset.heldOut(FireSmokeDataset.roboflow(datasets()))
                .stream().filter(i -> !i.boxes().isEmpty()).toList();
        VisualFireDetector detector = new VisualFireDetector(model);
        int located = 0;
        int tried = 0;
        // every fourth labelled frame: several scenes, not 20 neighbours of one video
        for (int k = 0; k < labelled.size() && tried < 20; k += 4) {
            FireSmokeDataset.LabelledImage i = labelled.get(k);
            BufferedImage img = read(i.path());
            List<FireSmokeBox> boxes = detector.detect(img);
            assertThat(boxes).as("boxes inside the frame %s", i.path()).allSatisfy(b -> {
                assertThat(b.xPx()).isGreaterThanOrEqualTo(0);
                assertThat(b.yPx()).isGreaterThanOrEqualTo(0);
                assertThat(b.xPx() + b.widthPx()).isLessThanOrEqualTo(img.getWidth() + 1e-9);
                assertThat(b.yPx() + b.heightPx()).isLessThanOrEqualTo(img.getHeight() + 1e-9);
            });
            tried++;
            located += i.locatedBy(boxes, img.getWidth(), img.getHeight()) ? 1 : 0;
        }
        assertThat(tried).isEqualTo(20);
        assertThat(located).as("strongest box centred on a labelled box, of %d frames", tried).isGreaterThanOrEqualTo(LOCATED_FLOOR);
    }

    @Test
    void scoresAreProbabilitiesAndDeterministic() {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        FireSmokeScores a = model.classify(grey);
        FireSmokeScores b = model.classify(grey);
        assertThat(a).isEqualTo(b);
        assertThat(a.fireScore()).isBetween(0.0, 1.0);
    }

    @Test
    void missingModelFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-model.onnx");
        assertThatThrownBy(() -> FireSmokeModel.load(missing))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void corruptModelFileIsAClearError(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.writeString(corrupt, "this is not a protobuf");
        assertThatThrownBy(() -> FireSmokeModel.load(corrupt))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(corrupt.toAbsolutePath().toString())
                .hasMessageContaining("not a readable ONNX model");
    }
}
