package org.skyshare.planner.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.profiles.InputFiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** Reads an RFC 7946 FeatureCollection (or a single Feature) of assets. */
final class GeoJsonAssetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonAssetReader() {
    }

    static List<Asset> parse(String source, String text, List<Repair> repairs) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssetException(source + ": not valid JSON: " + InputFiles.parseProblem(e));
        }
        if (root == null || !root.isObject()) {
            throw new AssetException(source + ": expected a GeoJSON FeatureCollection object at the top level");
        }
        List<JsonNode> features = new ArrayList<>();
        String type = root.path("type").asText("");
        if (type.equals("FeatureCollection")) {
            JsonNode list = root.get("features");
            if (list == null || !list.isArray()) {
                throw new AssetException(source + ": \"features\" must be an array of GeoJSON Feature objects");
            }
            list.forEach(features::add);
        } else if (type.equals("Feature")) {
            features.add(root);
        } else {
            throw new AssetException(source + ": top-level \"type\" is '" + type + "'; expected FeatureCollection or Feature");
        }
        FeatureAssembler fa = new FeatureAssembler(source, repairs);
        List<Asset> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            out.add(feature(fa, i, features.get(i)));
        }
        return out;
    }

    private static Asset feature(FeatureAssembler fa, int index, JsonNode f) {
        fa.begin("#" + index + " (features[" + index + "])");
        if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
            throw fa.error("expected an object with \"type\": \"Feature\"");
        }
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode p = f.get("properties");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    props.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        }
        String id = props.get("id");
        if ((id == null || id.isBlank()) && f.hasNonNull("id")) {
            id = f.get("id").asText();
        }
        if (id == null || id.isBlank()) {
            throw fa.error("has no id; put a unique \"id\" in its properties");
        }
        props.put("id", id);
        fa.name(id + " (features[" + index + "])");
        Geometry g = geometry(fa, f.get("geometry"));
        return fa.finish(id, props, g);
    }

    private static Geometry geometry(FeatureAssembler fa, JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = g.path("type").asText("");
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw fa.error("geometry of type '" + type + "' has no \"coordinates\" array");
        }
        if (c.isEmpty()) {
            return null;
        }
        var f = FeatureAssembler.WGS84;
        return switch (type) {
            case "Point" -> f.createPoint(position(fa, c));
            case "MultiPoint" -> f.createMultiPointFromCoords(positions(fa, c).toArray(Coordinate[]::new));
            case "LineString" -> fa.line(positions(fa, c));
            case "MultiLineString" -> {
                List<LineString> lines = new ArrayList<>();
                c.forEach(l -> lines.add(fa.line(positions(fa, l))));
                yield f.createMultiLineString(lines.toArray(LineString[]::new));
            }
            case "Polygon" -> polygon(fa, c);
            case "MultiPolygon" -> {
                List<Polygon> polys = new ArrayList<>();
                c.forEach(pc -> polys.add(polygon(fa, pc)));
                yield f.createMultiPolygon(polys.toArray(Polygon[]::new));
            }
            default -> throw fa.error("geometry type '" + type
                    + "' is not supported; expected Point, LineString, MultiLineString, Polygon or MultiPolygon");
        };
    }

    private static Polygon polygon(FeatureAssembler fa, JsonNode rings) {
        if (!rings.isArray()) {
            throw fa.error("polygon coordinates must be an array of rings");
        }
        List<LinearRing> list = new ArrayList<>();
        rings.forEach(r -> list.add(fa.ring(positions(fa, r))));
        return fa.polygon(list);
    }

    private static List<Coordinate> positions(FeatureAssembler fa, JsonNode arr) {
        if (!arr.isArray()) {
            throw fa.error("expected an array of [longitude, latitude] positions, found " + arr);
        }
        List<Coordinate> out = new ArrayList<>(arr.size());
        arr.forEach(p -> out.add(position(fa, p)));
        return out;
    }

    private static Coordinate position(FeatureAssembler fa, JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw fa.error("position " + p + " is not [longitude, latitude] with two numbers");
        }
        return fa.coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
