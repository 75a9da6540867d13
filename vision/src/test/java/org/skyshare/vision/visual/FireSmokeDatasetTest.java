package org.skyshare.vision.visual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FireSmokeDatasetTest {
    /** A roboflow-shaped folder with one image per split and the given label text for the train image. */
    private static Path roboflow(Path root, String trainLabel) throws IOException {
        for (String split : List.of("train", "valid", "test")) {
            Path images = Files.createDirectories(root.resolve(FireSmokeDataset.ROBOFLOW).resolve(split).resolve("images"));
            Files.createDirectories(root.resolve(FireSmokeDataset.ROBOFLOW).resolve(split).resolve("labels"));
            Files.write(images.resolve(split + "_mp4-1_jpg.rf.x.jpg"), new byte[0]);
        }
        Files.writeString(root.resolve(FireSmokeDataset.ROBOFLOW).resolve("train/labels/train_mp4-1_jpg.rf.x.txt"), trainLabel);
        return root;
    }

    @Test
    void fireAndSmokeBoxesAreReadAndTheDefaultClassIsNone(@TempDir Path dir) throws IOException {
        Path root = roboflow(dir, "0 0.25 0.5 0.2 0.4\n1 0.5 0.5 1 1\n2 0.75 0.25 0.5 0.5\n");
        FireSmokeDataset.LabelledImage train = FireSmokeDataset.roboflow(root).stream()
                .filter(i -> i.path().toString().contains("train")).findFirst().orElseThrow();
        assertThat(train.fire()).isTrue();
        assertThat(train.smoke()).isTrue();
        assertThat(train.boxes()).extracting(FireSmokeDataset.LabelBox::kind)
                .containsExactly(FireSmokeClass.FIRE, FireSmokeClass.SMOKE);
        FireSmokeDataset.LabelBox fire = train.boxes().get(0);
        assertThat(fire.contains(0.25, 0.5, 0)).isTrue();
        assertThat(fire.contains(0.40, 0.5, 0)).isFalse();
        assertThat(fire.contains(0.40, 0.5, 0.06)).isTrue();
        // a detection box centred on the fire (frame 800x600: centre 200, 300) is located; one on the sky is not
        assertThat(train.locatedBy(List.of(new FireSmokeBox(FireSmokeClass.FIRE, 150, 250, 100, 100, 0.9)), 800, 600)).isTrue();
        assertThat(train.locatedBy(List.of(new FireSmokeBox(FireSmokeClass.FIRE, 0, 0, 50, 50, 0.9),
                new FireSmokeBox(FireSmokeClass.FIRE, 150, 250, 100, 100, 0.5)), 800, 600))
                .as("the strongest box counts, not any box").isFalse();
        assertThat(train.locatedBy(List.of(), 800, 600)).isFalse();
    }

    @Test
    void aBoxThatIsNotFiveNumbersNamesTheLabelFile(@TempDir Path dir) throws IOException {
        Path root = roboflow(dir, "0 0.25 0.5 wide 0.4\n");
        assertThatThrownBy(() -> FireSmokeDataset.roboflow(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train_mp4-1_jpg.rf.x.txt")
                .hasMessageContaining("five numbers");
    }
}
