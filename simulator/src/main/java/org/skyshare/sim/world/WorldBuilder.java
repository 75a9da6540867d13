package org.skyshare.sim.world;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.AssetSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link World} from asset features and a scenario. */
public final class WorldBuilder {
    private static final GeometryFactory GF = new GeometryFactory();

    private WorldBuilder() {
    }

    /** The demo world: the Jingshan sample assets with the bundled demo scenario. */
    public static World demo(Path assetsGeoJson) {
        return build(AssetFile.read(assetsGeoJson), ScenarioLoader.demo());
    }

    /**
     * The Jingshan sample assets: {@code data/jingshan/jingshan.geojson} under the folders named by
     * the {@code skyshare.repo.dir} or {@code skyshare.shared.dir} system properties, the working
     * folder, its parent, or a {@code shared} folder beside or inside the working folder.
     */
    public static Path defaultAssets() {
        List<Path> candidates = new ArrayList<>();
        for (String prop : new String[] {"skyshare.repo.dir", "skyshare.shared.dir"}) {
            String dir = System.getProperty(prop);
            if (dir != null) {
                candidates.add(Path.of(dir, "data", "jingshan", "jingshan.geojson"));
            }
        }
        candidates.add(Path.of("data", "jingshan", "jingshan.geojson"));
        candidates.add(Path.of("..", "data", "jingshan", "jingshan.geojson"));
        candidates.add(Path.of("..", "shared", "data", "jingshan", "jingshan.geojson"));
        candidates.add(Path.of("shared", "data", "jingshan", "jingshan.geojson"));
        candidates.add(Path.of("/work/shared/data/jingshan/jingshan.geojson"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new WorldException("the Jingshan sample assets were not found; looked in " + candidates);
    }

    /** A world over the planner's assets (any format its reader takes). */
    public static World build(AssetSet assets, Scenario scenario) {
        return build(AssetFile.from(assets, "assets"), scenario);
    }

    public static World build(AssetFile assets, Scenario scenario) {
        LocalFrame frame = originOf(assets);
        List<Polygon> forests = new ArrayList<>();
        for (AssetFile.Feature f : assets.ofKind("forest")) {
            if (f.geometryType().equals("Polygon")) {
                forests.add(polygon(frame, f.rings(), assets.source() + ": forest " + f.id()));
            }
        }
        List<Road> corridors = new ArrayList<>();
        for (AssetFile.Feature f : assets.ofKind("power_line")) {
            if (f.geometryType().equals("LineString") && scenario.lineCorridorWidthM() > 0) {
                corridors.add(new Road(f.id(), line(frame, f.rings().get(0)), scenario.lineCorridorWidthM()));
            }
        }
        List<River> rivers = new ArrayList<>();
        for (AssetFile.Feature f : assets.ofKind("river")) {
            if (!f.geometryType().equals("LineString")) {
                continue;
            }
            double width = f.number("normal_width_m", 20);
            List<River.FloodStretch> floods = new ArrayList<>();
            for (Scenario.FloodSpec s : scenario.floods()) {
                if (s.riverId().equals(f.id())) {
                    if (s.floodWidthM() <= width) {
                        throw new WorldException("scenario " + scenario.name() + ": flood of " + f.id() + ": flood_width_m must exceed the river's normal width "
                                + width + " m, got " + s.floodWidthM());
                    }
                    floods.add(new River.FloodStretch(s.fromChainageM(), s.toChainageM(), s.floodWidthM()));
                }
            }
            String name = f.properties().path("name").asText(f.id());
            rivers.add(new River(f.id(), name, line(frame, f.rings().get(0)), width, floods));
        }
        for (Scenario.FloodSpec s : scenario.floods()) {
            if (rivers.stream().noneMatch(r -> r.id().equals(s.riverId()))) {
                throw new WorldException("scenario " + scenario.name() + ": floods: river '" + s.riverId() + "' is not in " + assets.source());
            }
        }
        List<LocalFrame.XY> towers = points(frame, assets.ofKind("tower"));
        List<LocalFrame.XY> pads = points(frame, assets.ofKind("dock"));
        List<Road> roads = new ArrayList<>();
        for (Scenario.RoadSpec r : scenario.roads()) {
            roads.add(new Road(r.id(), line(frame, r.points()), r.widthM()));
        }
        List<Building> buildings = new ArrayList<>();
        for (Scenario.BuildingSpec b : scenario.buildings()) {
            buildings.add(new Building(b.id(), b.latDeg(), b.lonDeg(), frame.toLocal(b.latDeg(), b.lonDeg()), b.widthM(), b.lengthM(),
                    b.rotationDeg(), b.roofTemperatureC(), b.roofRgb()));
        }
        List<Fire> fires = new ArrayList<>();
        for (Scenario.FireSpec s : scenario.fires()) {
            fires.add(new Fire(s.id(), s.latDeg(), s.lonDeg(), frame.toLocal(s.latDeg(), s.lonDeg()), s.radiusM(), s.coreTemperatureC(), s.smoke()));
        }
        return new World(scenario.name(), frame, scenario.seed(), scenario.groundAltitudeM(), scenario.ambientC(), scenario.wind(),
                forests, corridors, roads, rivers, buildings, towers, pads, fires);
    }

    /** Centre of all asset coordinates; an empty asset set has no area to simulate. */
    private static LocalFrame originOf(AssetFile assets) {
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        int n = 0;
        for (AssetFile.Feature f : assets.features()) {
            for (List<double[]> ring : f.rings()) {
                for (double[] p : ring) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new WorldException(assets.source() + ": no features with coordinates; the world needs an area");
        }
        return new LocalFrame((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    private static Polygon polygon(LocalFrame frame, List<List<double[]>> rings, String what) {
        LinearRing shell = ring(frame, rings.get(0), what);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(frame, rings.get(i), what);
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(LocalFrame frame, List<double[]> pts, String what) {
        List<Coordinate> cs = new ArrayList<>();
        for (double[] p : pts) {
            LocalFrame.XY xy = frame.toLocal(p[1], p[0]);
            cs.add(new Coordinate(xy.eastM(), xy.northM()));
        }
        if (cs.size() < 4) {
            throw new WorldException(what + ": a polygon ring needs at least 4 positions, got " + cs.size());
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return GF.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    private static Polyline line(LocalFrame frame, List<double[]> pts) {
        List<LocalFrame.XY> out = new ArrayList<>();
        for (double[] p : pts) {
            out.add(frame.toLocal(p[1], p[0]));
        }
        return new Polyline(out);
    }

    private static List<LocalFrame.XY> points(LocalFrame frame, List<AssetFile.Feature> features) {
        List<LocalFrame.XY> out = new ArrayList<>();
        for (AssetFile.Feature f : features) {
            if (f.geometryType().equals("Point")) {
                double[] p = f.rings().get(0).get(0);
                out.add(frame.toLocal(p[1], p[0]));
            }
        }
        return out;
    }
}
