package org.skyshare.sim.camera;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.world.LocalFrame;
import org.skyshare.sim.world.Scenario;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CameraGeometryTest {
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");
    private static final double FIRE_LAT = TestWorlds.ORIGIN_LAT + 0.001;
    private static final double FIRE_LON = TestWorlds.ORIGIN_LON + 0.001;
    private final World world = TestWorlds.grassWith(
            List.of(new Scenario.FireSpec("f1", FIRE_LAT, FIRE_LON, 2, 600, 0.0)), List.of());

    /** Hot-pixel centroid (pixels above 200 C) as {x, y, count}. */
    private static double[] hotCentroid(RadiometricFrame f) {
        double sx = 0, sy = 0;
        int n = 0;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                if (f.temperatureC(x, y) > 200) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n, n};
    }

    private VehiclePose above(LocalFrame.XY p, double heightM, double headingDeg) {
        double[] g = world.frame().toGeo(p.eastM(), p.northM());
        return new VehiclePose(g[0], g[1], TestWorlds.GROUND_M + heightM, headingDeg);
    }

    @Test
    void nadirCameraAt100mOverTheFireSeesItAtTheImageCentre() {
        ThermalCamera cam = new ThermalCamera(world, THERMAL);
        LocalFrame.XY fire = world.fires().get(0).position();
        RadiometricFrame f = cam.render(above(fire, 100, 0), GimbalAttitude.NADIR, 1);
        double[] c = hotCentroid(f);
        assertThat(c[0]).isCloseTo((f.width() - 1) / 2.0, within(0.6));
        assertThat(c[1]).isCloseTo((f.height() - 1) / 2.0, within(0.6));
        // 2 m radius fire, core (0.7 m) at 600 C, 100 m up: GSD 0.132 m, so dozens of pixels are > 200 C
        double gsd = THERMAL.geometry().gsdM(100);
        assertThat(gsd).isCloseTo(0.1319, within(0.001));
        assertThat(c[2]).isGreaterThan(100);
        assertThat(f.temperatureC(f.width() / 2, f.height() / 2)).isCloseTo(600, within(0.5));
    }

    @Test
    void anOffsetFireLandsOnTheHandComputedPixelForNorthAndEastHeadings() {
        ThermalCamera cam = new ThermalCamera(world, THERMAL);
        LocalFrame.XY fire = world.fires().get(0).position();
        // drone 10 m west and 5 m south of the fire, 100 m above ground
        LocalFrame.XY drone = new LocalFrame.XY(fire.eastM() - 10, fire.northM() - 5);
        double gsd = THERMAL.geometry().gsdM(100);
        double cx = THERMAL.imageWidthPx() / 2.0 - 0.5;
        double cy = THERMAL.imageHeightPx() / 2.0 - 0.5;

        double[] north = hotCentroid(cam.render(above(drone, 100, 0), GimbalAttitude.NADIR, 2));
        assertThat(north[0]).isCloseTo(cx + 10 / gsd, within(0.8)); // east is to the right
        assertThat(north[1]).isCloseTo(cy - 5 / gsd, within(0.8));  // north is up

        double[] east = hotCentroid(cam.render(above(drone, 100, 90), GimbalAttitude.NADIR, 3));
        assertThat(east[0]).isCloseTo(cx - 5 / gsd, within(0.8));   // heading east: north is to the left
        assertThat(east[1]).isCloseTo(cy - 10 / gsd, within(0.8));  // and east is up

        // gimbal yaw adds to the heading: vehicle north, gimbal +90 = camera looking east
        double[] yawed = hotCentroid(cam.render(above(drone, 100, 0), new GimbalAttitude(-90, 0, 90), 4));
        assertThat(yawed[0]).isCloseTo(east[0], within(0.3));
        assertThat(yawed[1]).isCloseTo(east[1], within(0.3));
    }

    @Test
    void obliqueViewCentreRayMeetsTheGroundWhereTrigonometrySays() {
        ViewGeometry v = new ViewGeometry(640, 512, 758.33, new LocalFrame.XY(0, 0), 100, 0, -45, 0);
        LocalFrame.XY g = v.ground(320, 256);
        assertThat(g.eastM()).isCloseTo(0, within(1e-6));
        assertThat(g.northM()).isCloseTo(100, within(1e-6));
        // pitch -30 looking east: the centre ray reaches 100 / tan(30 deg) = 173.2 m east
        ViewGeometry east = new ViewGeometry(640, 512, 758.33, new LocalFrame.XY(0, 0), 100, 90, -30, 0);
        assertThat(east.ground(320, 256).eastM()).isCloseTo(173.205, within(1e-3));
        // the top rows look above the horizon at pitch -10 with a 45 deg vertical field of view
        ViewGeometry low = new ViewGeometry(640, 512, 758.33, new LocalFrame.XY(0, 0), 100, 0, -10, 0);
        assertThat(low.ground(320, 0)).isNull();
        // projecting a ground point and casting the ray back returns to it
        ViewGeometry rolled = new ViewGeometry(640, 512, 758.33, new LocalFrame.XY(5, -3), 80, 33, -70, 4);
        double[] px = rolled.project(12, 20);
        LocalFrame.XY back = rolled.ground(px[0], px[1]);
        assertThat(back.eastM()).isCloseTo(12, within(1e-6));
        assertThat(back.northM()).isCloseTo(20, within(1e-6));
    }

    @Test
    void sensorNoiseIsSeededAndAtTheNetd() {
        World plain = TestWorlds.grassWith(List.of(), List.of());
        ThermalCamera cam = new ThermalCamera(plain, THERMAL);
        VehiclePose pose = new VehiclePose(TestWorlds.ORIGIN_LAT, TestWorlds.ORIGIN_LON, TestWorlds.GROUND_M + 100, 0);
        RadiometricFrame a = cam.render(pose, GimbalAttitude.NADIR, 5);
        RadiometricFrame b = cam.render(pose, GimbalAttitude.NADIR, 5);
        RadiometricFrame c = cam.render(pose, GimbalAttitude.NADIR, 6);
        assertThat(a.rawCounts()).isEqualTo(b.rawCounts());
        // the difference of two frames is pure noise: sigma sqrt(2) * NETD (50 mK = 1 count)
        double s = 0;
        for (int i = 0; i < a.rawCounts().length; i++) {
            double d = (a.rawCounts()[i] & 0xffff) - (c.rawCounts()[i] & 0xffff);
            s += d * d;
        }
        double sigmaK = Math.sqrt(s / a.rawCounts().length / 2) * 0.05;
        assertThat(sigmaK).isCloseTo(0.05, within(0.012));
    }
}
