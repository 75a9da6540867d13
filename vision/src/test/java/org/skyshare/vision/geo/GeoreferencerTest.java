package org.skyshare.vision.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.frame.CapturePose;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed cases for the sim-thermal camera: 640x512, 7.68 mm sensor, 9.1 mm lens, so the
 * focal length is 9.1 / (7.68 / 640) = 758.333 px.
 */
class GeoreferencerTest {
    private static final double LAT = 30.40;
    private static final double LON = 119.90;
    private static final double F = 9.1 / (7.68 / 640);

    private final CameraModel camera = CameraModel.of(ProfileCatalog.builtIn().camera("sim-thermal"));
    private final Georeferencer geo = new Georeferencer(camera);

    /** North and east metres from the drone to a ground point. */
    private static double[] offset(GroundPoint p) {
        GeodesicData d = Geodesic.WGS84.Inverse(LAT, LON, p.latDeg(), p.lonDeg());
        double az = Math.toRadians(d.azi1);
        return new double[] {d.s12 * Math.cos(az), d.s12 * Math.sin(az)};
    }

    @Test
    void focalLengthComesFromTheProfile() {
        assertThat(camera.focalPx()).isCloseTo(F, within(1e-6));
    }

    @Test
    void nadirCentreIsStraightBelow() {
        CapturePose pose = CapturePose.nadir(LAT, LON, 50, 100, 37);
        GroundPoint p = geo.toGround(pose, 320, 256).orElseThrow();
        assertThat(offset(p)[0]).isCloseTo(0, within(0.01));
        assertThat(offset(p)[1]).isCloseTo(0, within(0.01));
        assertThat(p.altitudeAmslM()).isEqualTo(50);
    }

    @Test
    void nadirRightEdgeHeadingNorthIsEast() {
        // right edge: 320 px off centre -> 100 m * 320 / 758.333 = 42.198 m east
        GroundPoint p = geo.toGround(CapturePose.nadir(LAT, LON, 0, 100, 0), 640, 256).orElseThrow();
        assertThat(offset(p)[0]).isCloseTo(0, within(0.01));
        assertThat(offset(p)[1]).isCloseTo(42.198, within(0.01));
    }

    @Test
    void imageTopPointsAlongTheHeading() {
        // heading east, top edge: 256 px -> 100 * 256 / 758.333 = 33.758 m east
        GroundPoint p = geo.toGround(CapturePose.nadir(LAT, LON, 0, 100, 90), 320, 0).orElseThrow();
        assertThat(offset(p)[0]).isCloseTo(0, within(0.01));
        assertThat(offset(p)[1]).isCloseTo(33.758, within(0.01));
        // and the right edge then points south
        GroundPoint q = geo.toGround(CapturePose.nadir(LAT, LON, 0, 100, 90), 640, 256).orElseThrow();
        assertThat(offset(q)[0]).isCloseTo(-42.198, within(0.01));
    }

    @Test
    void obliqueViewsHitTheGroundWhereTrigonometrySays() {
        // gimbal pitch -45, heading north: centre 100 m north
        CapturePose p45 = new CapturePose(LAT, LON, 100, 0, 0, 0, 0, -45, 0, 0);
        assertThat(offset(geo.toGround(p45, 320, 256).orElseThrow())[0]).isCloseTo(100, within(0.01));
        // gimbal pitch -30, aircraft heading 150 and gimbal yaw +30 -> looks south, 100 / tan 30 = 173.205 m
        CapturePose p30 = new CapturePose(LAT, LON, 100, 0, 0, 0, 150, -30, 30, 0);
        double[] o = offset(geo.toGround(p30, 320, 256).orElseThrow());
        assertThat(o[0]).isCloseTo(-173.205, within(0.02));
        assertThat(o[1]).isCloseTo(0, within(0.02));
    }

    @Test
    void theImageTopRowOfAnObliqueViewLooksFurther() {
        // pitch -45, top row is 256 px above centre: depression 45 - atan(256 / 758.333) = 26.35 deg
        CapturePose p = new CapturePose(LAT, LON, 100, 0, 0, 0, 0, -45, 0, 0);
        double expected = 100 / Math.tan(Math.toRadians(45) - Math.atan(256 / F));
        assertThat(offset(geo.toGround(p, 320, 0).orElseThrow())[0]).isCloseTo(expected, within(0.02));
    }

    @Test
    void raysAboveTheHorizonMissTheGround() {
        CapturePose level = new CapturePose(LAT, LON, 100, 0, 0, 0, 0, 0, 0, 0);
        assertThat(geo.toGround(level, 320, 100)).isEmpty();
        assertThat(geo.metresPerPixel(level, 320, 100)).isNaN();
    }

    @Test
    void aFixedMountInheritsTheAircraftsRoll() {
        // camera fixed looking down, aircraft rolled 10 deg right (right wing down):
        // the down-looking axis tilts towards the left wing, west when heading north: 100 * tan 10 = 17.633 m
        CapturePose rolled = new CapturePose(LAT, LON, 100, 0, 10, 0, 0, -90, 0, 0);
        Georeferencer fixed = new Georeferencer(camera, false, TerrainModel.FLAT);
        double[] o = offset(fixed.toGround(rolled, 320, 256).orElseThrow());
        assertThat(o[1]).isCloseTo(-17.633, within(0.01));
        // a stabilised gimbal ignores it
        assertThat(offset(geo.toGround(rolled, 320, 256).orElseThrow())[1]).isCloseTo(0, within(0.01));
    }

    @Test
    void groundToPixelInvertsPixelToGround() {
        CapturePose pose = new CapturePose(LAT, LON, 180, 40, 2, -3, 211, -60, 12, 1);
        for (double[] px : new double[][] {{10, 20}, {320, 256}, {600, 500}, {123.5, 411.25}}) {
            GroundPoint g = geo.toGround(pose, px[0], px[1]).orElseThrow();
            double[] back = geo.toPixel(pose, g).orElseThrow();
            assertThat(back[0]).isCloseTo(px[0], within(0.01));
            assertThat(back[1]).isCloseTo(px[1], within(0.01));
        }
    }

    @Test
    void gsdAtNadirMatchesTheProfile() {
        CapturePose pose = CapturePose.nadir(LAT, LON, 0, 100, 0);
        double expected = ProfileCatalog.builtIn().camera("sim-thermal").geometry().gsdM(100);
        assertThat(geo.metresPerPixel(pose, 320, 256)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void aDemRaisesTheGroundAndShortensTheRay() {
        // gimbal -45 at 100 m over flat 0 m ground hits 100 m north; on a 20 m plateau it hits 80 m north
        TerrainModel plateau = (lat, lon) -> OptionalDouble.of(20);
        Georeferencer withDem = new Georeferencer(camera, true, plateau);
        CapturePose p = new CapturePose(LAT, LON, 100, 0, 0, 0, 0, -45, 0, 0);
        GroundPoint g = withDem.toGround(p, 320, 256).orElseThrow();
        assertThat(offset(g)[0]).isCloseTo(80, within(0.05));
        assertThat(g.altitudeAmslM()).isEqualTo(20);
    }

    @Test
    void nominalPoseErrorsStayUnderTenMetresAt100mAgl() {
        // typical drone errors: GNSS 1.5 m (1 sigma), baro 1 m, gimbal pitch/heading 1 deg, roll 0.5 deg
        SplittableRandom rnd = new SplittableRandom(42);
        CapturePose truth = CapturePose.nadir(LAT, LON, 0, 100, 0);
        double worst = 0;
        for (int i = 0; i < 500; i++) {
            double dN = rnd.nextGaussian() * 1.5, dE = rnd.nextGaussian() * 1.5;
            GeodesicData moved = Geodesic.WGS84.Direct(LAT, LON, Math.toDegrees(Math.atan2(dE, dN)), Math.hypot(dN, dE));
            CapturePose measured = new CapturePose(moved.lat2, moved.lon2, 100 + rnd.nextGaussian(), 0, 0, 0,
                    rnd.nextGaussian(), -90 + Math.abs(rnd.nextGaussian()), 0, rnd.nextGaussian() * 0.5);
            for (double[] px : new double[][] {{320, 256}, {0, 0}, {640, 512}}) {
                GroundPoint t = geo.toGround(truth, px[0], px[1]).orElseThrow();
                GroundPoint m = geo.toGround(measured, px[0], px[1]).orElseThrow();
                double err = Geodesic.WGS84.Inverse(t.latDeg(), t.lonDeg(), m.latDeg(), m.lonDeg()).s12;
                worst = Math.max(worst, err);
            }
        }
        assertThat(worst).isLessThan(10);
    }
}
