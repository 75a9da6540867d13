package org.skyshare.station.console.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.skyshare.profiles.InputFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GeoJSON asset file for display. The planner has its own reader for planning; the map
 * only needs geometry, kind, name and owner, projected to world units once.
 */
public final class GeoJsonAssets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonAssets() {
    }

    public static List<MapFeature> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(InputFiles.readText(file, "a GeoJSON asset file"));
        } catch (InputFiles.InputFileException e) {
            throw new AssetLoadException(e.getMessage());
        } catch (JsonProcessingException e) {
            // a limit of Jackson's StreamReadConstraints has no location
            throw new AssetLoadException(file + ": not valid JSON: " + InputFiles.parseProblem(e));
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new AssetLoadException(file + ": expected a GeoJSON FeatureCollection at the top level");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new AssetLoadException(file + ": field 'features' must be an array");
        }
        List<MapFeature> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            JsonNode props = f.path("properties");
            String id = props.path("id").asText("feature-" + i);
            String where = file + ": features[" + i + "] (" + id + ")";
            JsonNode geom = f.path("geometry");
            if (!geom.isObject()) {
                throw new AssetLoadException(where + ": field 'geometry' is missing");
            }
            FeatureKind kind = FeatureKind.parse(props.path("kind").asText(null));
            String name = props.path("name").asText(props.path("number").asText(id));
            String owner = props.path("agency").asText("");
            double widthM = props.path("normal_width_m").asDouble(0);
            String type = geom.path("type").asText("");
            JsonNode c = geom.path("coordinates");
            switch (type) {
                case "Point" -> out.add(MapFeature.of(id, kind, name, owner, List.of(point(c, where)), false, widthM));
                case "LineString" -> out.add(MapFeature.of(id, kind, name, owner, List.of(line(c, where)), false, widthM));
                case "MultiLineString" -> out.add(MapFeature.of(id, kind, name, owner, lines(c, where), false, widthM));
                case "Polygon" -> out.add(MapFeature.of(id, kind, name, owner, lines(c, where), true, widthM));
                case "MultiPolygon" -> {
                    List<double[]> rings = new ArrayList<>();
                    for (JsonNode poly : c) {
                        rings.addAll(lines(poly, where));
                    }
                    out.add(MapFeature.of(id, kind, name, owner, rings, true, widthM));
                }
                default -> throw new AssetLoadException(where + ": geometry type '" + type
                        + "' is not supported (expected Point, LineString, MultiLineString, Polygon or MultiPolygon)");
            }
        }
        return out;
    }

    private static double[] point(JsonNode c, String where) {
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new AssetLoadException(where + ": coordinates must be [lon, lat] numbers");
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new AssetLoadException(where + ": coordinate [" + lon + ", " + lat + "] is outside lon -180..180, lat -90..90");
        }
        return new double[] {WebMercator.x(lon), WebMercator.y(lat)};
    }

    private static double[] line(JsonNode c, String where) {
        if (!c.isArray() || c.isEmpty()) {
            throw new AssetLoadException(where + ": coordinates must be an array of [lon, lat] positions");
        }
        double[] xy = new double[c.size() * 2];
        for (int i = 0; i < c.size(); i++) {
            double[] p = point(c.get(i), where);
            xy[2 * i] = p[0];
            xy[2 * i + 1] = p[1];
        }
        return xy;
    }

    private static List<double[]> lines(JsonNode c, String where) {
        if (!c.isArray()) {
            throw new AssetLoadException(where + ": coordinates must be an array of lines or rings");
        }
        List<double[]> out = new ArrayList<>();
        for (JsonNode l : c) {
            out.add(line(l, where));
        }
        return out;
    }
}
