package org.skyshare.sim.world;

import java.util.List;

/** Small worlds for tests: flat grass around an origin, with whatever fires a test plants. */
public final class TestWorlds {
    public static final double ORIGIN_LAT = 30.39;
    public static final double ORIGIN_LON = 119.80;
    public static final double GROUND_M = 20;

    private TestWorlds() {
    }

    public static AssetFile dockOnly() {
        return AssetFile.parse("test.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"dock-a","kind":"dock"},
                  "geometry":{"type":"Point","coordinates":[%s, %s]}}]}
                """.formatted(ORIGIN_LON, ORIGIN_LAT));
    }

    public static World grassWith(List<Scenario.FireSpec> fires, List<Scenario.BuildingSpec> buildings) {
        Scenario s = new Scenario("test", 7, GROUND_M, 20, new Wind(270, 2), 0, fires, buildings, List.of(), List.of());
        return WorldBuilder.build(dockOnly(), s);
    }

    public static World demo() {
        return WorldBuilder.demo(WorldBuilder.defaultAssets());
    }
}
