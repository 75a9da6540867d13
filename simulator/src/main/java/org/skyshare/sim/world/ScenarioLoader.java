package org.skyshare.sim.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.skyshare.profiles.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario YAML file; errors name the file, the field and what was expected. */
public final class ScenarioLoader {
    /** The demo scenario bundled with the simulator (Jingshan: a fire, a hot roof, a flooded creek). */
    public static final String DEMO_RESOURCE = "/org/skyshare/sim/world/demo-world.yaml";

    private ScenarioLoader() {
    }

    public static Scenario demo() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new WorldException("the bundled demo scenario " + DEMO_RESOURCE + " is missing from the simulator jar");
            }
            return parse("demo-world.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorldException("cannot read the bundled demo scenario: " + e.getMessage(), e);
        }
    }

    public static Scenario read(Path file) {
        try {
            return parse(file.toString(), InputFiles.readText(file, "a scenario (YAML)"));
        } catch (InputFiles.InputFileException e) {
            throw new WorldException(e.getMessage(), e);
        }
    }

    public static Scenario parse(String source, String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new WorldException(source + ": not valid YAML: " + InputFiles.parseProblem(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new WorldException(source + ": expected a scenario mapping (name, seed, fires, ...)");
        }
        Fields r = new Fields(source, "", root);
        JsonNode windNode = root.path("wind");
        Fields w = new Fields(source, "wind.", windNode);
        Wind wind = windNode.isMissingNode() ? new Wind(0, 0)
                : new Wind(w.number("from_deg", 0, 360), w.number("speed_mps", 0, 60));
        List<Scenario.FireSpec> fires = new ArrayList<>();
        for (Fields f : r.list("fires")) {
            fires.add(new Scenario.FireSpec(f.text("id"), f.number("lat_deg", -90, 90), f.number("lon_deg", -180, 180),
                    f.number("radius_m", 0.1, 500), f.number("core_temperature_c", 100, 1500),
                    f.optionalNumber("smoke", 0, 1, 0.5)));
        }
        List<Scenario.BuildingSpec> buildings = new ArrayList<>();
        for (Fields f : r.list("buildings")) {
            buildings.add(new Scenario.BuildingSpec(f.text("id"), f.number("lat_deg", -90, 90), f.number("lon_deg", -180, 180),
                    f.number("width_m", 1, 500), f.number("length_m", 1, 500), f.optionalNumber("rotation_deg", -360, 360, 0),
                    f.number("roof_temperature_c", -40, 150), f.colour("roof_colour", 0x9a4a3a)));
        }
        List<Scenario.RoadSpec> roads = new ArrayList<>();
        for (Fields f : r.list("roads")) {
            roads.add(new Scenario.RoadSpec(f.text("id"), f.number("width_m", 1, 100), f.positions("points")));
        }
        List<Scenario.FloodSpec> floods = new ArrayList<>();
        for (Fields f : r.list("floods")) {
            double from = f.number("from_chainage_m", 0, 1e6);
            double to = f.number("to_chainage_m", 0, 1e6);
            if (to <= from) {
                throw new WorldException(source + ": " + f.prefix + "to_chainage_m: expected more than from_chainage_m (" + from + "), got " + to);
            }
            floods.add(new Scenario.FloodSpec(f.text("river"), from, to, f.number("flood_width_m", 1, 5000)));
        }
        return new Scenario(r.text("name"), (long) r.number("seed", -9e15, 9e15), r.number("ground_altitude_m", -500, 9000),
                r.number("ambient_c", -40, 50), wind, r.optionalNumber("line_corridor_width_m", 0, 200, 30),
                fires, buildings, roads, floods);
    }

    private static final class Fields {
        final String source;
        final String prefix;
        final JsonNode node;

        Fields(String source, String prefix, JsonNode node) {
            this.source = source;
            this.prefix = prefix;
            this.node = node;
        }

        private WorldException fail(String field, String expected, JsonNode got) {
            String found = got == null || got.isMissingNode() ? "nothing" : "'" + got.asText(got.toString()) + "'";
            return new WorldException(source + ": " + prefix + field + ": expected " + expected + ", got " + found);
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isValueNode() || v.asText().isBlank()) {
                throw fail(field, "a non-empty text", v);
            }
            return v.asText();
        }

        double number(String field, double min, double max) {
            JsonNode v = node.get(field);
            if (v == null || !v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
                throw fail(field, "a number from " + fmt(min) + " to " + fmt(max), v);
            }
            return v.asDouble();
        }

        double optionalNumber(String field, double min, double max, double fallback) {
            return node.has(field) ? number(field, min, max) : fallback;
        }

        int colour(String field, int fallback) {
            JsonNode v = node.get(field);
            if (v == null) {
                return fallback;
            }
            String s = v.asText();
            if (!s.matches("#[0-9a-fA-F]{6}")) {
                throw fail(field, "a colour like \"#8a8f96\"", v);
            }
            return Integer.parseInt(s.substring(1), 16);
        }

        List<double[]> positions(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isArray() || v.size() < 2) {
                throw fail(field, "a list of at least 2 [lon, lat] points", v);
            }
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode p = v.get(i);
                if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw fail(field + "[" + i + "]", "a point [lon, lat]", p);
                }
                out.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
            return out;
        }

        List<Fields> list(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw fail(field, "a list", v);
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) {
                    throw fail(field + "[" + i + "]", "a mapping", v.get(i));
                }
                out.add(new Fields(source, prefix + field + "[" + i + "].", v.get(i)));
            }
            return out;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
