package org.skyshare.sim.world;

import java.util.List;

/**
 * What a world adds to its assets: weather, fires, buildings, roads and floods, with the seed that
 * makes every rendered frame repeatable. Positions are WGS84 degrees.
 */
public record Scenario(String name, long seed, double groundAltitudeM, double ambientC, Wind wind,
                       double lineCorridorWidthM, List<FireSpec> fires, List<BuildingSpec> buildings,
                       List<RoadSpec> roads, List<FloodSpec> floods) {

    public Scenario {
        fires = List.copyOf(fires);
        buildings = List.copyOf(buildings);
        roads = List.copyOf(roads);
        floods = List.copyOf(floods);
    }

    public record FireSpec(String id, double latDeg, double lonDeg, double radiusM, double coreTemperatureC, double smoke) {
    }

    public record BuildingSpec(String id, double latDeg, double lonDeg, double widthM, double lengthM, double rotationDeg,
                               double roofTemperatureC, int roofRgb) {
    }

    /** Points as [lon, lat] like GeoJSON. */
    public record RoadSpec(String id, double widthM, List<double[]> points) {
    }

    public record FloodSpec(String riverId, double fromChainageM, double toChainageM, double floodWidthM) {
    }

    public Scenario withFires(List<FireSpec> newFires) {
        return new Scenario(name, seed, groundAltitudeM, ambientC, wind, lineCorridorWidthM, newFires, buildings, roads, floods);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, groundAltitudeM, ambientC, wind, lineCorridorWidthM, fires, buildings, roads, floods);
    }
}
