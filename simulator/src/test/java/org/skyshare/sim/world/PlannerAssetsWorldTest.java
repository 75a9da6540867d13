package org.skyshare.sim.world;

import org.junit.jupiter.api.Test;
import org.skyshare.planner.assets.AssetReader;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerAssetsWorldTest {

    @Test
    void theWorldFromThePlannersAssetReaderMatchesTheOneFromTheGeoJson() {
        World direct = TestWorlds.demo();
        World viaPlanner = WorldBuilder.build(AssetReader.read(WorldBuilder.defaultAssets()), ScenarioLoader.demo());
        assertThat(viaPlanner.forests()).hasSameSizeAs(direct.forests());
        assertThat(viaPlanner.towers()).hasSize(36);
        assertThat(viaPlanner.rivers()).singleElement().satisfies(r -> assertThat(r.normalWidthM()).isEqualTo(40));
        GroundTruth t = direct.groundTruth();
        // sample a grid around each planted feature: both worlds draw the same ground
        for (double[] p : new double[][] {
                {t.fires().get(0).latDeg(), t.fires().get(0).lonDeg()},
                {t.roofs().get(0).latDeg(), t.roofs().get(0).lonDeg()},
                {t.floods().get(0).centreLatDeg(), t.floods().get(0).centreLonDeg()}}) {
            for (int i = -5; i <= 5; i++) {
                for (int j = -5; j <= 5; j++) {
                    double lat = p[0] + i * 0.0002;
                    double lon = p[1] + j * 0.0002;
                    assertThat(viaPlanner.landCoverAtGeo(lat, lon)).isEqualTo(direct.landCoverAtGeo(lat, lon));
                }
            }
        }
    }
}
