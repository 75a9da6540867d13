package org.skyshare.station.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolReportWriterTest {
    private static final Path JINGSHAN = Path.of(System.getProperty("skyshare.shared.dir", "../../shared"),
            "data/jingshan/jingshan.geojson");

    @Test
    void writesMarkdownAndAMapWithTheIncidentsDrawn(@TempDir Path dir) throws Exception {
        AssetSet assets = AssetReader.read(JINGSHAN);
        Instant t0 = Instant.parse("2026-07-01T02:00:00Z");
        var fire = new PatrolReport.IncidentSummary("inc-1", "FIRE", 30.395, 119.805, 0.93, "ACKNOWLEDGED",
                List.of("forestry", "emergency", "forest-farm"), 3, List.of("forestry"));
        PatrolReport report = new PatrolReport("jingshan-01", t0, t0.plusSeconds(5400),
                List.of(new PatrolReport.SortieSummary("drone-1", "dock-changle-t18", "S01", t0, t0.plusSeconds(1500),
                        212, 212, "completed")),
                List.of(new PatrolReport.AreaCoverage("forest-changle", "Changle Forest Farm", 8.0e6, 7.6e6)),
                List.of(fire),
                List.of(new PatrolReport.Track("drone-1", List.of(new double[] {119.80, 30.39}, new double[] {119.81, 30.40}))));

        Path md = PatrolReportWriter.write(report, assets, dir, "patrol");

        String text = Files.readString(md);
        assertThat(text).contains("sorties flown: 1", "incidents found: 1", "alerts sent: 3, incidents acknowledged: 1 of 1",
                "| Changle Forest Farm | 8.00 km² | 7.60 km² | 95.0 % |", "| inc-1 | fire | 30.39500, 119.80500 | 0.93 | acknowledged |",
                "![map of the patrol](patrol.png)", "1h 30min");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("patrol.md", "patrol.png");
        }
        // kept in target/ for a person to look at
        Files.copy(dir.resolve("patrol.png"), Path.of("target/patrol-report-map.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage map = ImageIO.read(dir.resolve("patrol.png").toFile());
        assertThat(map.getWidth()).isEqualTo(1200);
        // the fire is drawn red where it lies: find a strongly red pixel near its projected position
        assertThat(countRed(map)).isGreaterThan(50);
    }

    private static int countRed(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (r > 190 && g < 70 && b < 70) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void scaleBarLengthsAreRound() {
        assertThat(ReportMap.niceLength(1730)).isEqualTo(1000);
        assertThat(ReportMap.niceLength(2600)).isEqualTo(2000);
        assertThat(ReportMap.niceLength(7000)).isEqualTo(5000);
    }
}
