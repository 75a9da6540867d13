package org.skyshare.sim.camera;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.stream.FrameMetadata;
import org.skyshare.sim.stream.SimFrameSource;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.geo.FrameGeoreferencing;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.vision.thermal.ThermalParameters;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vision thermal detector, with its defaults, on the demo world as the simulator renders it. */
class VisionOnSimFramesTest {
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");
    private final World world = TestWorlds.demo();
    private final GroundTruth truth = world.groundTruth();

    private List<Detection> detect(double latDeg, double lonDeg, double heightM, double headingDeg) {
        VehiclePose pose = new VehiclePose(latDeg, lonDeg, world.groundAltitudeM() + heightM, headingDeg);
        RadiometricFrame r = new ThermalCamera(world, THERMAL).render(pose, GimbalAttitude.NADIR, 1);
        FrameMetadata m = new FrameMetadata(1, THERMAL.id(), 1, 0, pose, GimbalAttitude.NADIR, world.groundAltitudeM());
        Frame f = Frame.thermal(1, Instant.EPOCH, 0, THERMAL.id(), SimFrameSource.pose(m),
                ThermalImage.fromRaw(r.width(), r.height(), r.rawCounts(), r.spec()));
        FrameGeoreferencing geo = new FrameGeoreferencing(ProfileCatalog.builtIn());
        return new ThermalHotspotDetector(ThermalParameters.defaults(), geo).detect(f).stream()
                .map(d -> geo.georeference(f, d)).toList();
    }

    @Test
    void theDemoFireIsDetectedAsFireAtItsTruePosition() {
        GroundTruth.FireTruth fire = truth.fires().get(0);
        // the fire off-centre, the drone heading east
        List<Detection> found = detect(fire.latDeg() + 0.0001, fire.lonDeg() - 0.0001, 110, 90);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetectionKind.FIRE);
            double dn = (d.ground().latDeg() - fire.latDeg()) * 111_000;
            double de = (d.ground().lonDeg() - fire.lonDeg()) * 111_000 * Math.cos(Math.toRadians(fire.latDeg()));
            assertThat(Math.hypot(dn, de)).as("metres from the planted fire").isLessThan(2.0);
        });
    }

    @Test
    void theHotRoofAndTheFloodAreNotThermalDetections() {
        GroundTruth.RoofTruth roof = truth.roofs().stream().filter(r -> r.roofTemperatureC() > 50).findFirst().orElseThrow();
        assertThat(detect(roof.latDeg(), roof.lonDeg(), 100, 0)).isEmpty();
        GroundTruth.FloodTruth flood = truth.floods().get(0);
        assertThat(detect(flood.centreLatDeg(), flood.centreLonDeg(), 100, 0)).isEmpty();
    }
}
