package org.skyshare.sim.stream;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.FlightPhase;
import org.skyshare.sim.vehicle.VehicleState;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.geo.CameraModel;
import org.skyshare.vision.geo.GroundPoint;
import org.skyshare.vision.geo.Georeferencer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vehicle's camera streamer feeding the station's frame source over loopback, and the vision
 * georeferencer finding the demo fire where the ground truth says, from an oblique view.
 */
class SimFrameSourceTest {
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");
    private static final CameraProfile RGB = ProfileCatalog.builtIn().camera("sim-rgb");

    @Test
    void streamedThermalFramesGeoreferenceTheDemoFireWithinAMetre() throws Exception {
        World world = TestWorlds.demo();
        GroundTruth.FireTruth fire = world.groundTruth().fires().get(0);
        // 60 m south-west of the fire, 90 m up, heading north-east, gimbal pitched down 50 degrees
        double lat = fire.latDeg() - 60 / 111_000.0 / Math.sqrt(2);
        double lon = fire.lonDeg() - 60 / (111_000.0 * Math.cos(Math.toRadians(fire.latDeg()))) / Math.sqrt(2);
        VehicleState hovering = new VehicleState(5, 12.0, lat, lon, world.groundAltitudeM() + 90, 90, 45, 0, 0, 0, 0,
                -50, 0, 0, FlightPhase.MISSION, true, 80, 3, true);
        try (SimFrameSource source = new SimFrameSource(0, 16)) {
            CameraStreamer.Targets targets = new CameraStreamer.Targets(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), source.thermalPort()), null, null, 5, 1);
            try (CameraStreamer streamer = new CameraStreamer(world, () -> hovering, THERMAL, RGB, targets)) {
                Optional<VehicleFrame> got = source.poll(Duration.ofSeconds(20));
                assertThat(got).isPresent();
                VehicleFrame vf = got.get();
                assertThat(vf.systemId()).isEqualTo(5);
                Frame f = vf.frame();
                assertThat(f.isThermal()).isTrue();
                assertThat(f.cameraId()).isEqualTo("sim-thermal");
                assertThat(f.pose().latDeg()).isEqualTo(lat);
                assertThat(f.pose().gimbalPitchDeg()).isEqualTo(-50);
                assertThat(f.pose().groundAltitudeAmslM()).isEqualTo(world.groundAltitudeM());

                double[] hot = hotCentroid(f.thermal(), 300);
                GroundPoint p = new Georeferencer(CameraModel.of(THERMAL)).toGround(f.pose(), hot[0] + 0.5, hot[1] + 0.5).orElseThrow();
                double dNorth = (p.latDeg() - fire.latDeg()) * 111_000;
                double dEast = (p.lonDeg() - fire.lonDeg()) * 111_000 * Math.cos(Math.toRadians(fire.latDeg()));
                assertThat(Math.hypot(dNorth, dEast)).as("georeferencing error, m").isLessThan(1.0);
                assertThat(f.thermal().temperatureC((int) Math.round(hot[0]), (int) Math.round(hot[1])))
                        .isGreaterThan((float) (fire.coreTemperatureC() - 60));
            }
            assertThat(source.thermalReceiver().stats().packetsDropped()).isZero();
        }
    }

    @Test
    void aDockedVehicleStreamsNothing() throws Exception {
        World world = TestWorlds.grassWith(java.util.List.of(), java.util.List.of());
        VehicleState docked = new VehicleState(6, 0, TestWorlds.ORIGIN_LAT, TestWorlds.ORIGIN_LON, TestWorlds.GROUND_M, 0, 0, 0, 0, 0, 0,
                -90, 0, 0, FlightPhase.DOCKED, false, 100, -1, true);
        try (SimFrameSource source = new SimFrameSource(0, 16)) {
            CameraStreamer.Targets targets = new CameraStreamer.Targets(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), source.thermalPort()), null, null, 20, 1);
            try (CameraStreamer streamer = new CameraStreamer(world, () -> docked, THERMAL, RGB, targets)) {
                assertThat(source.poll(Duration.ofMillis(700))).isEmpty();
                assertThat(streamer.thermalFramesSent()).isZero();
            }
        }
    }

    private static double[] hotCentroid(ThermalImage t, double aboveC) {
        double sx = 0, sy = 0, n = 0;
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                if (t.temperatureC(x, y) > aboveC) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n};
    }
}
