package org.skyshare.vision.thermal;

import org.junit.jupiter.api.Test;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThermalHotspotDetectorTest {
    private final ThermalHotspotDetector detector = new ThermalHotspotDetector();

    private static SyntheticThermalScene field(long seed) {
        return new SyntheticThermalScene(640, 512, 22, 3, seed);
    }

    @Test
    void findsASmallFireWithItsPeakAndBox() {
        ThermalImage img = field(1).fire(300, 200, 4, 600).image();
        List<HotComponent> found = detector.analyse(img);
        assertThat(found).hasSize(1);
        HotComponent fire = found.get(0);
        assertThat(fire.kind()).isEqualTo(DetectionKind.FIRE);
        assertThat(fire.peakC()).isBetween(500.0, 600.0);
        assertThat(fire.box().centreX()).isCloseTo(300.5, within(2.0));
        assertThat(fire.box().centreY()).isCloseTo(200.5, within(2.0));
        assertThat(fire.contextPassed()).isTrue();
        assertThat(fire.backgroundMeanC()).isBetween(15.0, 45.0);
        assertThat(fire.confidence()).isGreaterThan(0.85);
    }

    @Test
    void sunHeatedRoofsRocksAndPeopleAreNotReported() {
        ThermalImage img = field(2)
                .rectangle(50, 50, 60, 40, 68)     // sun-heated metal roof
                .rectangle(400, 300, 20, 25, 55)   // rock
                .person(200, 400).person(220, 410)
                .image();
        assertThat(detector.analyse(img)).isEmpty();
        assertThat(detector.analyse(img, true)).isNotEmpty().allSatisfy(c -> assertThat(c.accepted()).isFalse());
    }

    @Test
    void aHotEngineIsAHotspotNotAFire() {
        ThermalImage img = field(3).vehicle(100, 100, 105).image();
        List<HotComponent> found = detector.analyse(img);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(DetectionKind.HOTSPOT);
            assertThat(c.confidence()).isLessThan(0.5);
        });
    }

    @Test
    void aFireFillingTheViewIsStillFire() {
        ThermalImage img = field(4).fire(320, 256, 250, 700).image();
        List<HotComponent> found = detector.analyse(img);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).kind()).isEqualTo(DetectionKind.FIRE);
    }

    @Test
    void aHotSummerGroundDoesNotTurnRoofsIntoFires() {
        ThermalImage img = new SyntheticThermalScene(640, 512, 48, 4, 5)
                .rectangle(100, 100, 80, 60, 72).image();
        assertThat(detector.analyse(img)).isEmpty();
    }

    @Test
    void anIsolatedDefectivePixelIsIgnored() {
        ThermalImage img = field(6).pixel(10, 10, 1200).image();
        assertThat(detector.analyse(img)).isEmpty();
    }

    @Test
    void twoSeparateFiresAreTwoDetectionsWithAreaFromTheGroundScale() {
        ThermalImage img = field(7).fire(100, 100, 3, 500).fire(500, 400, 6, 800).image();
        ThermalHotspotDetector scaled = new ThermalHotspotDetector(ThermalParameters.defaults(), (f, x, y) -> 0.1);
        List<Detection> d = scaled.detect(Frame.thermal(9, Instant.EPOCH, 0, "sim-thermal", null, img));
        assertThat(d).hasSize(2).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(DetectionKind.FIRE);
            assertThat(x.frameSequence()).isEqualTo(9);
        });
        List<HotComponent> comps = scaled.analyse(img);
        for (int i = 0; i < 2; i++) {
            assertThat(d.get(i).areaM2()).isCloseTo(comps.get(i).pixelCount() * 0.01, within(1e-9));
        }
        // the bigger, hotter fire ranks first
        assertThat(d.get(0).peakTemperatureC()).isGreaterThan(d.get(1).peakTemperatureC());
    }

    @Test
    void reusedWorkspaceGivesTheSameAnswerFrameAfterFrame() {
        ThermalImage withFire = field(8).fire(320, 250, 5, 650).image();
        ThermalImage without = field(9).image();
        for (int i = 0; i < 5; i++) {
            assertThat(detector.analyse(withFire)).hasSize(1);
            assertThat(detector.analyse(without)).isEmpty();
        }
    }

    @Test
    void visualFramesAreNotThisDetectorsBusiness() {
        Frame rgb = Frame.visual(0, Instant.EPOCH, 0, "sim-rgb", null,
                new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_3BYTE_BGR));
        assertThat(detector.accepts(rgb)).isFalse();
        assertThat(detector.detect(rgb)).isEmpty();
    }

    @Test
    void deadPixelsAndTinyFramesAreHandled() {
        float[] t = new SyntheticThermalScene(64, 48, 20, 1, 10).fire(30, 20, 3, 500).image().temperaturesC().clone();
        for (int i = 0; i < t.length; i += 7) {
            t[i] = Float.NaN;   // dead pixels read NaN: never hot, never background
        }
        assertThat(detector.analyse(new ThermalImage(64, 48, t))).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(DetectionKind.FIRE));
        assertThat(detector.analyse(new ThermalImage(1, 1, new float[] {900}))).isEmpty();
        float[] allHot = new float[16 * 16];
        java.util.Arrays.fill(allHot, 600);
        assertThat(detector.analyse(new ThermalImage(16, 16, allHot))).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(DetectionKind.FIRE));
    }
}
