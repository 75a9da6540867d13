package org.skyshare.profiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one profile from YAML. Field names are snake_case with the unit as suffix
 * ({@code focal_length_mm}); a file names its {@code kind} (aircraft, camera or dock). Every error
 * names the file, the line and the field, and says what was expected.
 */
public final class ProfileLoader {
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProfileLoader() {
    }

    public static Profile load(Path file) {
        String text;
        try {
            text = InputFiles.readText(file, "a hardware profile (YAML)");
        } catch (InputFiles.InputFileException e) {
            throw new ProfileException(new Problem(file.toString(), 0, null, e.reason()));
        }
        return parse(text, file.toString());
    }

    public static Profile parse(String yaml, String fileName) {
        Map<String, Integer> lines = fieldLines(yaml, fileName);
        ProfileKind kind = kindOf(yaml, fileName, lines);
        Profile profile;
        try {
            profile = MAPPER.readValue(yaml, kind.type());
        } catch (JsonProcessingException e) {
            throw new ProfileException(describe(e, fileName, kind, lines));
        }
        Checks checks = new Checks(fileName, lines);
        profile.check(checks);
        if (!checks.problems().isEmpty()) {
            throw new ProfileException(checks.problems());
        }
        return profile;
    }

    private static Map<String, Integer> fieldLines(String yaml, String fileName) {
        try {
            Map<String, Integer> lines = YamlLocations.fieldLines(MAPPER, yaml);
            if (!MAPPER.readTree(yaml).isObject()) {
                throw new ProfileException(new Problem(fileName, 1, null,
                        "expected a YAML mapping of profile fields (kind, id, name, ...)"));
            }
            return lines;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ProfileException(new Problem(fileName, at == null ? 0 : at.getLineNr(), null,
                    (e instanceof StreamConstraintsException ? "too large or too deeply nested to read: " : "not valid YAML: ")
                            + YamlLocations.explain(e)));
        }
    }

    private static ProfileKind kindOf(String yaml, String fileName, Map<String, Integer> lines) {
        JsonNode kind;
        try {
            kind = MAPPER.readTree(yaml).get("kind");
        } catch (JsonProcessingException e) {
            throw new ProfileException(new Problem(fileName, 0, null, "not valid YAML: " + e.getOriginalMessage()));
        }
        String expected = "expected one of " + Arrays.stream(ProfileKind.values()).map(ProfileKind::key)
                .collect(Collectors.joining(", "));
        if (kind == null || !kind.isTextual()) {
            throw new ProfileException(new Problem(fileName, lines.getOrDefault("kind", 1), "kind",
                    (kind == null ? "missing; " : "") + expected));
        }
        try {
            return ProfileKind.valueOf(kind.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(new Problem(fileName, lines.getOrDefault("kind", 1), "kind",
                    expected + ", got '" + kind.asText() + "'"));
        }
    }

    private static Problem describe(JsonProcessingException e, String fileName, ProfileKind kind,
                                   Map<String, Integer> lines) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (!(e instanceof JsonMappingException me)) {
            return new Problem(fileName, line, null, "not valid YAML: " + e.getOriginalMessage());
        }
        String field = YamlLocations.fieldPath(me);
        line = YamlLocations.line(e, lines);
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return new Problem(fileName, line, field, "unknown field for a " + kind.key() + " profile; known fields: "
                    + String.join(", ", known));
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.stream(target.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "))
                    : Units.number(field);
            return new Problem(fileName, line, field, "expected " + expected + ", got '" + f.getValue() + "'");
        }
        String explained = YamlLocations.explain(me);
        // a value of the wrong kind (a list for a name) is already a whole sentence
        return new Problem(fileName, line, field, explained.startsWith("expected ") ? explained
                : "expected " + Units.number(field) + ": " + explained);
    }
}
