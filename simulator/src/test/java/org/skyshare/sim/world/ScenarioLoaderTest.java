package org.skyshare.sim.world;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScenarioLoaderTest {
    private static final String OK = """
            name: t
            seed: 3
            ground_altitude_m: 20
            ambient_c: 18
            fires:
              - id: f1
                lat_deg: 30.39
                lon_deg: 119.8
                radius_m: 3
                core_temperature_c: 500
            """;

    @Test
    void theBundledDemoScenarioPlantsAFireAHotRoofAndAFlood() {
        Scenario s = ScenarioLoader.demo();
        assertThat(s.seed()).isEqualTo(20261123L);
        assertThat(s.fires()).singleElement().satisfies(f -> assertThat(f.coreTemperatureC()).isBetween(300.0, 800.0));
        assertThat(s.buildings()).anySatisfy(b -> assertThat(b.roofTemperatureC()).isBetween(55.0, 70.0));
        assertThat(s.floods()).singleElement().satisfies(f -> assertThat(f.riverId()).isEqualTo("river-zhongtiao"));
    }

    @Test
    void aMinimalScenarioTakesDefaults() {
        Scenario s = ScenarioLoader.parse("t.yaml", OK);
        assertThat(s.fires().get(0).smoke()).isEqualTo(0.5);
        assertThat(s.wind().speedMps()).isZero();
        assertThat(s.lineCorridorWidthM()).isEqualTo(30);
    }

    @Test
    void badFieldsAreNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", OK.replace("radius_m: 3", "radius_m: -3")))
                .isInstanceOf(WorldException.class)
                .hasMessage("t.yaml: fires[0].radius_m: expected a number from 0.1 to 500, got '-3'");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", OK.replace("seed: 3\n", "")))
                .hasMessage("t.yaml: seed: expected a number from -9000000000000000 to 9000000000000000, got nothing");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", OK + "floods:\n  - river: r\n    from_chainage_m: 10\n    to_chainage_m: 5\n    flood_width_m: 90\n"))
                .hasMessage("t.yaml: floods[0].to_chainage_m: expected more than from_chainage_m (10.0), got 5.0");
        assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", "name: [unclosed\nseed: 1\n"))
                .hasMessageStartingWith("t.yaml: not valid YAML: line ");
    }

    @Test
    void aFloodOfAnUnknownRiverOrNarrowerThanTheBanksIsRefused() {
        Scenario s = ScenarioLoader.parse("t.yaml", OK + "floods:\n  - river: river-x\n    from_chainage_m: 10\n    to_chainage_m: 50\n    flood_width_m: 90\n");
        assertThatThrownBy(() -> WorldBuilder.build(TestWorlds.dockOnly(), s))
                .hasMessage("scenario t: floods: river 'river-x' is not in test.geojson");
        AssetFile withRiver = AssetFile.parse("a.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"id":"river-x","kind":"river","normal_width_m":120},
                 "geometry":{"type":"LineString","coordinates":[[119.80,30.39],[119.81,30.39]]}}]}
                """);
        assertThatThrownBy(() -> WorldBuilder.build(withRiver, s))
                .hasMessage("scenario t: flood of river-x: flood_width_m must exceed the river's normal width 120.0 m, got 90.0");
    }

    @Test
    void brokenAssetFilesNameTheFeatureAndField() {
        assertThatThrownBy(() -> AssetFile.parse("a.geojson", "{\"type\":\"FeatureCollection\",\n\"features\": [ {\"x\": }"))
                .hasMessageStartingWith("a.geojson: not valid JSON: line 2");
        assertThatThrownBy(() -> AssetFile.parse("a.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"tower"},
                 "geometry":{"type":"Point","coordinates":[119.8]}}]}
                """)).hasMessage("a.geojson: features[0].geometry.coordinates: expected a position [lon, lat] of two numbers");
    }

    @Test
    void localFrameRoundTripsAndMeasuresMetres() {
        LocalFrame f = new LocalFrame(30.39, 119.80);
        LocalFrame.XY p = f.toLocal(30.40, 119.81);
        // 0.01 deg of latitude is about 1109 m here, 0.01 deg of longitude about 961 m
        assertThat(p.northM()).isCloseTo(1109.0, within(3.0));
        assertThat(p.eastM()).isCloseTo(961.0, within(3.0));
        double[] back = f.toGeo(p.eastM(), p.northM());
        assertThat(back[0]).isCloseTo(30.40, within(1e-8));
        assertThat(back[1]).isCloseTo(119.81, within(1e-8));
    }
}
