package org.skyshare.sim.camera;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.world.GroundTruth;
import org.skyshare.sim.world.LandCover;
import org.skyshare.sim.world.TestWorlds;
import org.skyshare.sim.world.World;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Renders the demo world's fire, hot roof and flood and checks what the cameras see; saves previews. */
class DemoWorldRenderingTest {
    private static final CameraProfile THERMAL = ProfileCatalog.builtIn().camera("sim-thermal");
    private static final CameraProfile RGB = ProfileCatalog.builtIn().camera("sim-rgb");
    private static World world;
    private static GroundTruth truth;
    private static final Path PREVIEW = Path.of("target", "sim-preview");

    @BeforeAll
    static void load() throws Exception {
        world = TestWorlds.demo();
        truth = world.groundTruth();
        Files.createDirectories(PREVIEW);
    }

    private static VehiclePose above(double latDeg, double lonDeg, double heightM) {
        return new VehiclePose(latDeg, lonDeg, world.groundAltitudeM() + heightM, 0);
    }

    @Test
    void theDemoFireReadsAtItsPlantedTemperatureAndSitsInTheForest() throws Exception {
        GroundTruth.FireTruth fire = truth.fires().get(0);
        assertThat(world.landCoverAtGeo(fire.latDeg(), fire.lonDeg())).isEqualTo(LandCover.FOREST);
        ThermalCamera cam = new ThermalCamera(world, THERMAL);
        RadiometricFrame f = cam.render(above(fire.latDeg(), fire.lonDeg(), 100), GimbalAttitude.NADIR, 1);
        assertThat(f.temperatureC(320, 256)).isCloseTo(fire.coreTemperatureC(), within(0.5));
        assertThat(f.maxTemperatureC()).isCloseTo(fire.coreTemperatureC(), within(0.5));
        // the surrounding forest is near ambient
        double forest = f.temperatureC(20, 20);
        assertThat(forest).isBetween(world.ambientC() - 6, world.ambientC() + 4);
        ImageIO.write(FalseColour.ironbow(f, 10, 80), "png", PREVIEW.resolve("thermal-fire.png").toFile());

        BufferedImage rgb = new RgbCamera(world, RGB).render(above(fire.latDeg(), fire.lonDeg(), 100), GimbalAttitude.NADIR, 1);
        int centre = rgb.getRGB(640, 360);
        assertThat((centre >> 16) & 0xff).as("flame red").isGreaterThan(200);
        assertThat((centre >> 8) & 0xff).as("flame green").isGreaterThan(150);
        ImageIO.write(rgb, "png", PREVIEW.resolve("rgb-fire.png").toFile());
        BufferedImage oblique = new RgbCamera(world, RGB).render(
                new VehiclePose(fire.latDeg() - 0.0012, fire.lonDeg() - 0.0012, world.groundAltitudeM() + 80, 45),
                new GimbalAttitude(-35, 0, 0), 2);
        ImageIO.write(oblique, "png", PREVIEW.resolve("rgb-fire-oblique.png").toFile());
    }

    @Test
    void theHotRoofIsHotButFarBelowFireTemperature() throws Exception {
        GroundTruth.RoofTruth roof = truth.roofs().stream().filter(r -> r.roofTemperatureC() > 50).findFirst().orElseThrow();
        RadiometricFrame f = new ThermalCamera(world, THERMAL).render(above(roof.latDeg(), roof.lonDeg(), 100), GimbalAttitude.NADIR, 3);
        double centre = f.temperatureC(320, 256);
        assertThat(centre).isCloseTo(roof.roofTemperatureC(), within(0.3)).isBetween(55.0, 70.0);
        assertThat(f.maxTemperatureC()).isLessThan(75).isLessThan(truth.fires().get(0).coreTemperatureC() / 4);
        ImageIO.write(FalseColour.ironbow(f, 10, 80), "png", PREVIEW.resolve("thermal-roof.png").toFile());
        ImageIO.write(new RgbCamera(world, RGB).render(above(roof.latDeg(), roof.lonDeg(), 100), GimbalAttitude.NADIR, 3),
                "png", PREVIEW.resolve("rgb-roof.png").toFile());
    }

    @Test
    void theFloodedCreekIsWiderThanItsNormalBanksAndWaterIsCooler() throws Exception {
        GroundTruth.FloodTruth flood = truth.floods().get(0);
        assertThat(world.isFloodedBeyondBanks(flood.centreLatDeg(), flood.centreLonDeg())).isFalse(); // the channel itself
        double flooded = waterWidthAcross(flood.riverId(), (flood.fromChainageM() + flood.toChainageM()) / 2);
        double normal = waterWidthAcross(flood.riverId(), flood.fromChainageM() - 600);
        assertThat(normal).isCloseTo(flood.normalWidthM(), within(2.0));
        assertThat(flooded).isCloseTo(flood.floodWidthM(), within(2.0)).isGreaterThan(normal * 3);

        VehiclePose pose = above(flood.centreLatDeg(), flood.centreLonDeg(), 120);
        RadiometricFrame f = new ThermalCamera(world, THERMAL).render(pose, GimbalAttitude.NADIR, 4);
        assertThat(f.temperatureC(320, 256)).isLessThan(world.ambientC() - 3);
        ImageIO.write(FalseColour.ironbow(f, 10, 30), "png", PREVIEW.resolve("thermal-flood.png").toFile());
        BufferedImage rgb = new RgbCamera(world, RGB).render(pose, GimbalAttitude.NADIR, 4);
        ImageIO.write(rgb, "png", PREVIEW.resolve("rgb-flood.png").toFile());
    }

    /** Water width measured on the land-cover raster across the centre line at a chainage. */
    private static double waterWidthAcross(String riverId, double chainageM) {
        var river = world.river(riverId).orElseThrow();
        var p = river.centreLine().at(chainageM);
        var q = river.centreLine().at(chainageM + 5);
        double len = p.distanceM(q);
        double nx = -(q.northM() - p.northM()) / len;
        double ny = (q.eastM() - p.eastM()) / len;
        int water = 0;
        for (double s = -200; s <= 200; s += 0.25) {
            if (world.landCoverAt(p.eastM() + s * nx, p.northM() + s * ny).isWater()) {
                water++;
            }
        }
        return water * 0.25;
    }
}
