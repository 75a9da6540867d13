package org.skyshare.vision.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluateThermalCommandTest {
    @TempDir
    Path dir;

    /** A FLAME-T-like site: display-scaled frames with a saturated fire and a mid-grey roof, YOLO labels. */
    private void site(String name, int frames, boolean withFire) throws Exception {
        Path images = Files.createDirectories(dir.resolve(name).resolve("images"));
        Path labels = Files.createDirectories(dir.resolve(name).resolve("labels"));
        for (int i = 0; i < frames; i++) {
            BufferedImage img = new BufferedImage(320, 256, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(60, 60, 60));
            g.fillRect(0, 0, 320, 256);
            g.setColor(new Color(150, 150, 150));
            g.fillRect(40, 40, 30, 20);                       // roof: warm, not fire
            StringBuilder label = new StringBuilder(String.format(Locale.ROOT, "0 %.5f %.5f %.5f %.5f%n", 55 / 320.0, 50 / 256.0, 30 / 320.0, 20 / 256.0));
            if (withFire) {
                g.setColor(Color.WHITE);
                g.fillOval(200 + i, 150, 8, 8);               // fire: saturated
                label.append(String.format(Locale.ROOT, "1 %.5f %.5f %.5f %.5f%n", (204.0 + i) / 320, 154 / 256.0, 8 / 320.0, 8 / 256.0));
            }
            g.dispose();
            ImageIO.write(img, "png", images.resolve("A35_" + i + ".png").toFile());
            Files.writeString(labels.resolve("A35_" + i + ".txt"), label);
        }
    }

    @Test
    void separatesSaturatedFiresFromWarmRoofsPerSite() throws Exception {
        site("point-a", 4, true);
        site("point-b", 4, true);
        site("point-c", 4, false);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            EvaluateThermalCommand cmd = new EvaluateThermalCommand();
            new CommandLine(cmd).parseArgs("--data", dir.toString(), "--quiet");
            assertThat(cmd.call()).isZero();
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("point-a\\s+4\\s+4\\s+100.0%\\s+4\\s+0.0%");
        assertThat(out).containsPattern("point-b\\s+4\\s+4\\s+100.0%");
        // the fire-free site raises no fire
        assertThat(out).contains("false alarms on frames without fire: 0 per 1,000 frames (0 of 4 frames raised a fire)");
    }

    @Test
    void aMissingDatasetIsAClearError() {
        EvaluateThermalCommand cmd = new EvaluateThermalCommand();
        new CommandLine(cmd).parseArgs("--data", dir.resolve("nope").toString());
        assertThatThrownBy(cmd::call).hasMessageContaining("nope does not exist");
    }
}
