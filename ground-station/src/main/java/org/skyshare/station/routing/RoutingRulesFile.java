package org.skyshare.station.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.skyshare.profiles.InputFiles;
import org.skyshare.profiles.YamlLocations;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardSeverity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads routing rules from YAML (the operator edits this file; {@link #defaults()} is the built-in
 * copy, {@code routing.yaml} beside this class):
 * <pre>
 * agencies: [forestry, water, emergency, power, forest-farm, grid]
 * rules:
 *   - name: fire-in-forest
 *     kinds: [fire, smoke, hotspot]
 *     inside: [forest]
 *     agencies: [forestry, emergency, forest-farm]
 *   - name: fire-near-line
 *     kinds: [fire, smoke, hotspot]
 *     within_m: {power_line: 200}
 *     agencies: [power]
 * </pre>
 * Errors name the file, the line and the field.
 */
public final class RoutingRulesFile {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RoutingRulesFile() {
    }

    record Dto(List<String> agencies, List<RuleDto> rules) {
    }

    record RuleDto(String name, List<String> kinds, String minSeverity, String maxSeverity, List<String> inside,
                   List<String> outside, Map<String, Double> withinM, Boolean cellOwner, List<String> agencies) {
    }

    /** The rules shipped with the station (DESIGN.md section 4). */
    public static RoutingRules defaults() {
        try (InputStream in = RoutingRulesFile.class.getResourceAsStream("routing.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the default routing rules are missing from the station's resources");
            }
            return parse("built-in routing.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default routing rules: " + e.getMessage(), e);
        }
    }

    public static RoutingRules read(Path file) {
        return parse(file.toString(), InputFiles.readText(file, "routing rules (YAML)"));
    }

    public static RoutingRules parse(String source, String yaml) {
        Map<String, Integer> lines;
        Dto dto;
        try {
            lines = YamlLocations.fieldLines(MAPPER, yaml);
            YamlLocations.requireMapping(MAPPER, yaml, source, "agencies and rules");
            dto = MAPPER.readValue(yaml, Dto.class);
        } catch (JsonMappingException e) {
            String path = YamlLocations.fieldPath(e);
            Integer known = null;
            try {
                known = YamlLocations.fieldLines(MAPPER, yaml).get(path);
            } catch (JsonProcessingException ignored) {
                // fall back to Jackson's own location
            }
            int line = known != null ? known : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + ":" + line + ": field '" + path + "': " + YamlLocations.explain(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlLocations.parseError(source.toString(), e), e);
        }
        if (dto == null) {
            throw new IllegalArgumentException(source + ": the routing rules file is empty; expected 'agencies' and 'rules'");
        }
        Errors err = new Errors(source, lines);
        if (dto.agencies() == null || dto.agencies().isEmpty()) {
            throw err.at("agencies", "a list of agency names is required");
        }
        Set<String> agencies = new HashSet<>();
        for (int i = 0; i < dto.agencies().size(); i++) {
            String a = dto.agencies().get(i);
            if (a == null || !a.matches("[a-z0-9][a-z0-9-]{0,59}")) {
                throw err.at("agencies[" + i + "]", "agency '" + a
                        + "' must be lower-case letters, digits and '-' (it becomes an MQTT topic level)");
            }
            agencies.add(a);
        }
        if (dto.rules() == null || dto.rules().isEmpty()) {
            throw err.at("rules", "at least one rule is required");
        }
        List<RoutingRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dto.rules().size(); i++) {
            RuleDto r = dto.rules().get(i);
            String at = "rules[" + i + "]";
            if (r == null) {
                throw err.at(at, "empty rule");
            }
            if (r.name() == null || r.name().isBlank()) {
                throw err.at(at, "field 'name' is required");
            }
            if (!names.add(r.name())) {
                throw err.at(at + ".name", "rule name '" + r.name() + "' is used twice");
            }
            Set<HazardKind> kinds = new HashSet<>();
            List<String> kindList = r.kinds() == null ? List.of() : r.kinds();
            for (int k = 0; k < kindList.size(); k++) {
                kinds.add(kind(err, at + ".kinds[" + k + "]", kindList.get(k)));
            }
            HazardSeverity min = severity(err, at + ".min_severity", r.minSeverity());
            HazardSeverity max = severity(err, at + ".max_severity", r.maxSeverity());
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw err.at(at + ".min_severity", "min_severity " + r.minSeverity() + " is above max_severity "
                        + r.maxSeverity());
            }
            Map<String, Double> within = new LinkedHashMap<>();
            if (r.withinM() != null) {
                for (Map.Entry<String, Double> e : r.withinM().entrySet()) {
                    if (e.getValue() == null || !(e.getValue() >= 0)) {
                        throw err.at(at + ".within_m." + e.getKey(), "distance must be 0 or more metres, got "
                                + e.getValue());
                    }
                    within.put(assetKind(e.getKey()), e.getValue());
                }
            }
            List<String> to = r.agencies() == null ? List.of() : r.agencies();
            boolean cellOwner = Boolean.TRUE.equals(r.cellOwner());
            if (to.isEmpty() && !cellOwner) {
                throw err.at(at, "rule '" + r.name() + "' sends to nobody: give 'agencies' or 'cell_owner: true'");
            }
            for (int k = 0; k < to.size(); k++) {
                if (!agencies.contains(to.get(k))) {
                    throw err.at(at + ".agencies[" + k + "]", "agency '" + to.get(k)
                            + "' is not in the 'agencies' list " + dto.agencies());
                }
            }
            rules.add(new RoutingRule(r.name(), kinds, min, max, kindsOf(r.inside()), kindsOf(r.outside()), within,
                    cellOwner, to));
        }
        return new RoutingRules(dto.agencies(), rules);
    }

    private static Set<String> kindsOf(List<String> list) {
        Set<String> out = new HashSet<>();
        if (list != null) {
            list.forEach(s -> out.add(assetKind(s)));
        }
        return out;
    }

    private static String assetKind(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static HazardKind kind(Errors err, String at, String text) {
        try {
            return HazardKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw err.at(at, "hazard kind '" + text + "' is not one of "
                    + java.util.Arrays.toString(HazardKind.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static HazardSeverity severity(Errors err, String at, String text) {
        if (text == null) {
            return null;
        }
        try {
            return HazardSeverity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw err.at(at, "severity '" + text + "' is not one of minor, moderate, severe, extreme");
        }
    }

    private record Errors(String source, Map<String, Integer> lines) {
        IllegalArgumentException at(String path, String message) {
            String p = path;
            Integer line = null;
            while (line == null && !p.isEmpty()) {
                line = lines.get(p);
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut <= 0 ? "" : p.substring(0, cut);
            }
            if (line == null) {
                line = lines.getOrDefault("", 1);
            }
            return new IllegalArgumentException(source + ":" + line + ": field '" + path + "': " + message);
        }
    }
}
