package org.skyshare.vision.pipeline;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.CapturePose;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.fusion.SensorFusion;
import org.skyshare.vision.thermal.SyntheticThermalScene;
import org.skyshare.vision.track.Incident;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VisionPipelineTest {
    private static final double LAT = 30.40, LON = 119.90;
    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
    private final ProfileCatalog catalog = ProfileCatalog.builtIn();

    @TempDir
    Path dir;

    /** Fire 80 px right of the image centre: at 100 m AGL, heading north, 100 * 80 / 758.333 = 10.549 m east. */
    private static ThermalImage fireRightOfCentre() {
        return new SyntheticThermalScene(640, 512, 20, 2, 11).fire(400, 256, 4, 650).image();
    }

    /** A stand-in for the visual model, only inside this unit test: reports fixed boxes on visual frames. */
    private static Detector visualStub(List<PixelBox> fire, List<PixelBox> smoke) {
        return new Detector() {
            public String name() {
                return "visual-stub";
            }

            public boolean accepts(Frame f) {
                return !f.isThermal();
            }

            public List<Detection> detect(Frame f) {
                var out = new java.util.ArrayList<Detection>();
                fire.forEach(b -> out.add(new Detection(DetectionKind.FIRE, 0.6, b, Double.NaN, Double.NaN, null, Double.NaN,
                        Sensor.VISUAL, f.sequence(), f.timestamp(), f.cameraId())));
                smoke.forEach(b -> out.add(new Detection(DetectionKind.SMOKE, 0.7, b, Double.NaN, Double.NaN, null, Double.NaN,
                        Sensor.VISUAL, f.sequence(), f.timestamp(), f.cameraId())));
                return out;
            }
        };
    }

    @Test
    void aThermalFireIsPutOnTheGroundWithItsArea() {
        try (VisionPipeline p = VisionPipeline.builder(catalog).build()) {
            Frame f = Frame.thermal(0, T0, 0, "sim-thermal", CapturePose.nadir(LAT, LON, 20, 100, 0), fireRightOfCentre());
            List<Detection> d = p.process(f);
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.kind()).isEqualTo(DetectionKind.FIRE);
                GeodesicData g = Geodesic.WGS84.Inverse(LAT, LON, x.ground().latDeg(), x.ground().lonDeg());
                assertThat(g.s12).isCloseTo(10.55, within(0.5));
                assertThat(g.azi1).isCloseTo(90, within(3.0));
                assertThat(x.ground().altitudeAmslM()).isEqualTo(20);
                double gsd = catalog.camera("sim-thermal").geometry().gsdM(100);
                assertThat(x.areaM2()).isGreaterThan(4 * gsd * gsd).isLessThan(200 * gsd * gsd);
            });
        }
    }

    @Test
    void withoutAPoseDetectionsKeepPixelBoxes() {
        try (VisionPipeline p = VisionPipeline.builder(catalog).build()) {
            List<Detection> d = p.process(Frame.thermal(0, T0, 0, "sim-thermal", null, fireRightOfCentre()));
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.ground()).isNull();
                assertThat(x.areaM2()).isNaN();
                assertThat(x.box().centreX()).isCloseTo(400.5, within(2.0));
            });
        }
    }

    @Test
    void aFailingStageIsCountedAndTheOthersGoOn() {
        Detector broken = new Detector() {
            public String name() {
                return "broken";
            }

            public boolean accepts(Frame f) {
                return true;
            }

            public List<Detection> detect(Frame f) {
                throw new IllegalStateException("model crashed");
            }
        };
        try (VisionPipeline p = VisionPipeline.builder(catalog).detector(broken).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(p.process(Frame.thermal(i, T0, 0, "sim-thermal", null, fireRightOfCentre()))).hasSize(1);
            }
            assertThat(p.detectorFailures()).containsEntry("broken", 3L).containsEntry("thermal-hotspot", 0L);
        }
    }

    @Test
    void bothSensorsAgreeingGiveAFusedFireOnTheColourFrame() {
        // sim-rgb: 1280x720, f = 4.5 / (7.68/1280) = 750 px; thermal f = 758.333 px. Thermal (400,256) is
        // 80 px right of centre -> ray x/z = 0.10549 -> rgb 640 + 750 * 0.10549 = 719 px, row 360.
        PixelBox flame = new PixelBox(705, 345, 30, 30);
        PixelBox smokeElsewhere = new PixelBox(500, 300, 60, 60); // inside the narrower thermal view, away from the fire
        try (VisionPipeline p = VisionPipeline.builder(catalog).detector(visualStub(List.of(flame), List.of(smokeElsewhere))).build()) {
            CapturePose pose = CapturePose.nadir(LAT, LON, 20, 100, 0);
            Frame thermal = Frame.thermal(0, T0, 0, "sim-thermal", pose, fireRightOfCentre());
            Frame rgb = Frame.visual(0, T0, 0, "sim-rgb", pose, new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR));
            List<Detection> d = p.processCapture(thermal, rgb);
            assertThat(d).hasSize(2);
            Detection fused = d.stream().filter(x -> x.sensor() == Sensor.FUSED).findFirst().orElseThrow();
            assertThat(fused.kind()).isEqualTo(DetectionKind.FIRE);
            assertThat(fused.cameraId()).isEqualTo("sim-rgb");
            assertThat(fused.box().centreX()).isCloseTo(719, within(6.0));
            assertThat(fused.box().centreY()).isCloseTo(360, within(6.0));
            assertThat(fused.peakTemperatureC()).isGreaterThan(500);
            double thermalAlone = p.process(thermal).get(0).confidence();
            assertThat(fused.confidence()).isCloseTo(1 - (1 - thermalAlone) * (1 - 0.6), within(1e-9));
            // the smoke the thermal camera did not confirm: kept, lower confidence, with the temperature under it
            Detection smoke = d.stream().filter(x -> x.kind() == DetectionKind.SMOKE).findFirst().orElseThrow();
            assertThat(smoke.confidence()).isCloseTo(0.7 * SensorFusion.SINGLE_SENSOR_FACTOR, within(1e-9));
            assertThat(smoke.peakTemperatureC()).isBetween(10.0, 30.0);
            assertThat(smoke.ground()).isNotNull();
        }
    }

    @Test
    void aThermalOnlyFireInACaptureIsKeptAtLowerConfidence() {
        try (VisionPipeline p = VisionPipeline.builder(catalog).detector(visualStub(List.of(), List.of())).build()) {
            CapturePose pose = CapturePose.nadir(LAT, LON, 20, 100, 0);
            Frame thermal = Frame.thermal(0, T0, 0, "sim-thermal", pose, fireRightOfCentre());
            Frame rgb = Frame.visual(0, T0, 0, "sim-rgb", pose, new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR));
            double alone = p.process(thermal).get(0).confidence();
            assertThat(p.processCapture(thermal, rgb)).singleElement().satisfies(x -> {
                assertThat(x.sensor()).isEqualTo(Sensor.THERMAL);
                assertThat(x.confidence()).isCloseTo(alone * SensorFusion.SINGLE_SENSOR_FACTOR, within(1e-9));
            });
        }
    }

    @Test
    void aHoverOverOneFireMakesOneIncidentWithEvidence() {
        try (VisionPipeline p = VisionPipeline.builder(catalog).evidenceFolder(dir).build()) {
            ThermalImage img = fireRightOfCentre();
            for (int i = 0; i < 30; i++) {
                // drifting 0.5 m per frame: the fire moves in the image but stays one place on the ground
                CapturePose pose = CapturePose.nadir(LAT + i * 4.5e-6, LON, 20, 100, 0);
                var updates = p.track(Frame.thermal(i, T0.plusMillis(100L * i), i * 0.1, "sim-thermal", pose, img));
                assertThat(updates).singleElement().satisfies(u -> assertThat(u.created()).isEqualTo(u.incident().sightings() == 1));
            }
            List<Incident> incidents = p.tracker().incidents();
            assertThat(incidents).singleElement().satisfies(inc -> {
                assertThat(inc.sightings()).isEqualTo(30);
                assertThat(inc.kind()).isEqualTo(DetectionKind.FIRE);
                assertThat(inc.evidenceJpeg()).exists();
            });
        }
    }

    @Test
    void displayScaledVideoOfAThermalCameraGoesThroughTheThermalDetectorWithoutTemperatures() {
        BufferedImage grey = new BufferedImage(640, 512, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(new java.awt.Color(70, 70, 70));
        g.fillRect(0, 0, 640, 512);
        g.setColor(new java.awt.Color(160, 160, 160));
        g.fillRect(100, 100, 60, 40);                 // warm roof
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(400, 250, 10, 10);                 // saturated fire
        g.dispose();
        try (VisionPipeline p = VisionPipeline.builder(catalog).build()) {
            List<Detection> d = p.process(Frame.visual(0, T0, 0, "dji-m30t-thermal", null, grey));
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.kind()).isEqualTo(DetectionKind.FIRE);
                assertThat(x.peakTemperatureC()).isNaN();
                assertThat(x.confidence()).isLessThanOrEqualTo(0.6);
                assertThat(x.box().centreX()).isCloseTo(405, within(3.0));
            });
            // the same picture from a colour camera is not thermal evidence
            assertThat(p.process(Frame.visual(0, T0, 0, "sim-rgb", null, grey))).isEmpty();
        }
    }
}
