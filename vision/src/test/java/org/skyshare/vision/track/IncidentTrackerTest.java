package org.skyshare.vision.track;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.geo.GroundPoint;
import org.skyshare.vision.thermal.SyntheticThermalScene;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IncidentTrackerTest {
    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

    @TempDir
    Path dir;

    private final ThermalImage scene = new SyntheticThermalScene(160, 128, 20, 2, 1).fire(80, 64, 3, 500).image();

    private Frame frame(long seq, Instant t) {
        return Frame.thermal(seq, t, seq * 0.1, "sim-thermal", null, scene);
    }

    private static Detection fire(DetectionKind kind, double conf, double lat, double lon, Instant t, long seq) {
        return new Detection(kind, conf, new PixelBox(76, 60, 8, 8), 480, 300,
                lat == 0 ? null : new GroundPoint(lat, lon, 10), lat == 0 ? Double.NaN : 4.0, Sensor.THERMAL, seq, t, "sim-thermal");
    }

    @Test
    void fiftySightingsOfOneFireAreOneIncidentGrowingMoreCertain() throws Exception {
        IncidentTracker tracker = new IncidentTracker(TrackerParameters.defaults(), dir.resolve("evidence"));
        SplittableRandom rnd = new SplittableRandom(3);
        double first = 0;
        for (int i = 0; i < 50; i++) {
            // georeferencing noise of a few metres (1e-5 deg ~ 1.1 m)
            double lat = 30.4 + rnd.nextGaussian() * 3e-5, lon = 119.9 + rnd.nextGaussian() * 3e-5;
            Instant t = T0.plusMillis(100L * i);
            List<IncidentUpdate> u = tracker.update(frame(i, t), List.of(fire(DetectionKind.FIRE, 0.7, lat, lon, t, i)));
            assertThat(u).singleElement().satisfies(x -> assertThat(x.created()).isEqualTo(x.incident().sightings() == 1));
            if (i == 0) {
                first = u.get(0).incident().confidence();
            }
        }
        assertThat(tracker.incidents()).singleElement().satisfies(inc -> {
            assertThat(inc.sightings()).isEqualTo(50);
            assertThat(inc.passes()).isEqualTo(1);
            assertThat(inc.firstSeen()).isEqualTo(T0);
            assertThat(inc.lastSeen()).isEqualTo(T0.plusMillis(4900));
            assertThat(inc.position().latDeg()).isCloseTo(30.4, within(2e-5));
            assertThat(inc.peakTemperatureC()).isEqualTo(480);
            assertThat(inc.evidenceJpeg()).exists();
            BufferedImage jpeg = ImageIO.read(inc.evidenceJpeg().toFile());
            assertThat(jpeg.getWidth()).isEqualTo(160);
        });
        assertThat(first).isCloseTo(0.7, within(1e-9));
        assertThat(tracker.incidents().get(0).confidence()).isGreaterThan(0.85);
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertThat(files.toList()).singleElement().asString().endsWith(".jpg");
        }
    }

    @Test
    void firesFarApartAreSeparateIncidents() {
        IncidentTracker tracker = new IncidentTracker();
        tracker.update(frame(0, T0), List.of(fire(DetectionKind.FIRE, 0.8, 30.4, 119.9, T0, 0),
                fire(DetectionKind.FIRE, 0.8, 30.402, 119.9, T0, 0)));   // ~220 m north
        assertThat(tracker.incidents()).hasSize(2);
    }

    @Test
    void aLaterPassCountsAndAHotspotSeenAsFireBecomesAFire() {
        IncidentTracker tracker = new IncidentTracker();
        tracker.update(frame(0, T0), List.of(fire(DetectionKind.HOTSPOT, 0.4, 30.4, 119.9, T0, 0)));
        double before = tracker.incidents().get(0).confidence();
        Instant later = T0.plusSeconds(600);
        tracker.update(frame(1, later), List.of(fire(DetectionKind.FIRE, 0.75, 30.40005, 119.9, later, 1)));
        Incident inc = tracker.incidents().get(0);
        assertThat(tracker.incidents()).hasSize(1);
        assertThat(inc.kind()).isEqualTo(DetectionKind.FIRE);
        assertThat(inc.passes()).isEqualTo(2);
        assertThat(inc.confidence()).isGreaterThan(before).isGreaterThan(0.75);
    }

    @Test
    void withoutPoseDetectionsFollowByPixelsForAShortTime() {
        IncidentTracker tracker = new IncidentTracker();
        for (int i = 0; i < 5; i++) {
            Instant t = T0.plusMillis(200L * i);
            tracker.update(frame(i, t), List.of(fire(DetectionKind.FIRE, 0.7, 0, 0, t, i)));
        }
        assertThat(tracker.incidents()).singleElement().satisfies(inc -> {
            assertThat(inc.sightings()).isEqualTo(5);
            assertThat(inc.isGeoreferenced()).isFalse();
        });
        Instant muchLater = T0.plusSeconds(30);
        tracker.update(frame(9, muchLater), List.of(fire(DetectionKind.FIRE, 0.7, 0, 0, muchLater, 9)));
        assertThat(tracker.incidents()).hasSize(2);
    }

    @Test
    void smokeAndFloodDoNotMergeIntoFire() {
        IncidentTracker tracker = new IncidentTracker();
        tracker.update(frame(0, T0), List.of(fire(DetectionKind.FIRE, 0.8, 30.4, 119.9, T0, 0),
                fire(DetectionKind.SMOKE, 0.6, 30.4, 119.9, T0, 0), fire(DetectionKind.FLOOD, 0.6, 30.4, 119.9, T0, 0)));
        assertThat(tracker.incidents()).extracting(Incident::kind)
                .containsExactlyInAnyOrder(DetectionKind.FIRE, DetectionKind.SMOKE, DetectionKind.FLOOD);
    }

    @Test
    void oldIncidentsCanBeForgotten() {
        IncidentTracker tracker = new IncidentTracker();
        tracker.update(frame(0, T0), List.of(fire(DetectionKind.FIRE, 0.8, 30.4, 119.9, T0, 0)));
        Instant later = T0.plusSeconds(3600);
        tracker.update(frame(1, later), List.of(fire(DetectionKind.FIRE, 0.8, 30.41, 119.9, later, 1)));
        assertThat(tracker.forgetLastSeenBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(tracker.incidents()).singleElement().satisfies(i -> assertThat(i.lastSeen()).isEqualTo(later));
    }

    @Test
    void aFloodSeenOnBothBanksLiesOnTheLargestPatchNotInTheRiverBetween() {
        IncidentTracker tracker = new IncidentTracker(TrackerParameters.defaults(), dir.resolve("evidence"));
        Frame rgb = Frame.visual(0, T0, 0, "sim-rgb", null, new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR));
        // flooded meadow north of the river (900 m2), then a larger one south of it (2,400 m2), 150 m apart
        Detection north = new Detection(DetectionKind.FLOOD, 0.7, new PixelBox(10, 10, 20, 10), Double.NaN, Double.NaN,
                new GroundPoint(30.37630, 119.78000, 10), 900, Sensor.VISUAL, 0, T0, "sim-rgb");
        Detection south = new Detection(DetectionKind.FLOOD, 0.95, new PixelBox(10, 30, 20, 10), Double.NaN, Double.NaN,
                new GroundPoint(30.37495, 119.78000, 10), 2400, Sensor.VISUAL, 1, T0.plusSeconds(1), "sim-rgb");
        tracker.update(rgb, List.of(north));
        List<IncidentUpdate> u = tracker.update(rgb, List.of(south));
        assertThat(u).singleElement().satisfies(x -> {
            assertThat(x.created()).as("one flood incident").isFalse();
            assertThat(x.incident().position().latDeg()).isEqualTo(30.37495);
            assertThat(x.incident().maxAreaM2()).isEqualTo(2400);
        });
    }
}
