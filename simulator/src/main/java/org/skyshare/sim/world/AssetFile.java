package org.skyshare.sim.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.profiles.InputFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The features of an asset GeoJSON file the world is built from (forests, rivers, the power line,
 * towers, docks), with coordinates as [lon, lat] pairs. Other kinds are kept but not drawn.
 */
public record AssetFile(String source, List<Feature> features) {

    public AssetFile {
        features = List.copyOf(features);
    }

    /** One feature; {@code rings} holds a polygon's rings (outer first) or a line/point as one ring. */
    public record Feature(String id, String kind, String geometryType, List<List<double[]>> rings, JsonNode properties) {
        public double number(String property, double fallback) {
            JsonNode n = properties.get(property);
            if (n != null && n.isNumber()) {
                return n.asDouble();
            }
            if (n != null && n.isTextual()) {
                try {
                    return Double.parseDouble(n.asText().strip());
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
            return fallback;
        }
    }

    /**
     * The planner's assets (read from GeoJSON, KML or GeoPackage by its {@code AssetReader}) as the
     * features the world is drawn from; multi-part geometries become one feature per part.
     */
    public static AssetFile from(AssetSet assets, String source) {
        List<Feature> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Asset a : assets.all()) {
            ObjectNode props = json.createObjectNode();
            a.properties().forEach(props::put);
            props.put("id", a.id());
            props.put("kind", a.kind().code());
            if (a.name() != null) {
                props.put("name", a.name());
            }
            Geometry g = a.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                String id = g.getNumGeometries() == 1 ? a.id() : a.id() + "#" + i;
                if (part instanceof Polygon p) {
                    List<List<double[]>> rings = new ArrayList<>();
                    rings.add(positions(p.getExteriorRing().getCoordinates()));
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        rings.add(positions(p.getInteriorRingN(h).getCoordinates()));
                    }
                    out.add(new Feature(id, a.kind().code(), "Polygon", rings, props));
                } else if (part instanceof LineString l) {
                    out.add(new Feature(id, a.kind().code(), "LineString", List.of(positions(l.getCoordinates())), props));
                } else if (part instanceof Point pt) {
                    out.add(new Feature(id, a.kind().code(), "Point", List.of(positions(pt.getCoordinates())), props));
                }
            }
        }
        return new AssetFile(source, out);
    }

    private static List<double[]> positions(Coordinate[] cs) {
        List<double[]> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(new double[] {c.x, c.y});
        }
        return out;
    }

    public List<Feature> ofKind(String kind) {
        return features.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    public static AssetFile read(Path file) {
        try {
            return parse(file.toString(), InputFiles.readText(file, "a GeoJSON asset file"));
        } catch (InputFiles.InputFileException e) {
            throw new WorldException(e.getMessage(), e);
        }
    }

    public static AssetFile parse(String source, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new WorldException(source + ": not valid JSON: " + InputFiles.parseProblem(e), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new WorldException(source + ": expected a GeoJSON FeatureCollection at the top level");
        }
        JsonNode list = root.path("features");
        if (!list.isArray()) {
            throw new WorldException(source + ": features: expected an array of GeoJSON features");
        }
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": features[" + i + "]";
            JsonNode f = list.get(i);
            JsonNode props = f.path("properties");
            String kind = props.path("kind").asText("");
            String id = props.path("id").asText(f.path("id").asText("feature-" + i));
            JsonNode geom = f.path("geometry");
            String type = geom.path("type").asText("");
            JsonNode coords = geom.path("coordinates");
            List<List<double[]>> rings = new ArrayList<>();
            switch (type) {
                case "Point" -> rings.add(List.of(position(coords, where + ".geometry.coordinates")));
                case "LineString" -> rings.add(positions(coords, where + ".geometry.coordinates"));
                case "Polygon" -> {
                    if (!coords.isArray() || coords.isEmpty()) {
                        throw new WorldException(where + ".geometry.coordinates: expected an array of rings");
                    }
                    for (int r = 0; r < coords.size(); r++) {
                        rings.add(positions(coords.get(r), where + ".geometry.coordinates[" + r + "]"));
                    }
                }
                default -> {
                    continue; // other geometry kinds are not part of the simulated ground
                }
            }
            out.add(new Feature(id, kind, type, rings, props));
        }
        return new AssetFile(source, out);
    }

    private static List<double[]> positions(JsonNode arr, String where) {
        if (!arr.isArray()) {
            throw new WorldException(where + ": expected an array of [lon, lat] positions");
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(position(arr.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    private static double[] position(JsonNode p, String where) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new WorldException(where + ": expected a position [lon, lat] of two numbers");
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new WorldException(where + ": expected lon in -180..180 and lat in -90..90, got [" + lon + ", " + lat + "]");
        }
        return new double[] {lon, lat};
    }
}
