package org.skyshare.station.patrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.skyshare.profiles.InputFiles;
import org.skyshare.profiles.YamlLocations;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads patrols from YAML, the form an operator edits:
 * <pre>
 * zone: Asia/Shanghai
 * fire_danger: high
 * patrols:
 *   - id: fire-changle
 *     kind: timed                 # immediate | timed | conditional
 *     targets: [forest-changle]   # asset ids, kind:forest, or cell:G50N-769-3365
 *     agencies: [forestry, forest-farm]
 *     period_min: 60
 *     window: "06:00-20:00"
 *     min_battery_pct: 80
 *     raise_with_fire_danger: true
 * </pre>
 */
public final class PatrolFile {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PatrolFile() {
    }

    record FileDto(String zone, String fireDanger, List<PatrolDto> patrols) {
    }

    record PatrolDto(String id, String name, String kind, List<String> targets, List<String> agencies,
                     Double periodMin, String window, Double minBatteryPct, String fireDangerAtLeast,
                     Boolean raiseWithFireDanger) {
    }

    public static PatrolPlan read(Path file) {
        return parse(InputFiles.readText(file, "a patrols file (YAML)"), file.toString());
    }

    public static PatrolPlan parse(String yaml, String fileName) {
        FileDto dto;
        try {
            Map<String, Integer> lines = YamlLocations.fieldLines(MAPPER, yaml);
            YamlLocations.requireMapping(MAPPER, yaml, fileName, "patrols");
            try {
                dto = MAPPER.readValue(yaml, FileDto.class);
            } catch (JsonMappingException e) {
                throw new IllegalArgumentException(fileName + ":" + YamlLocations.line(e, lines) + ": field '"
                        + YamlLocations.fieldPath(e) + "': " + YamlLocations.explain(e), e);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlLocations.parseError(fileName.toString(), e), e);
        }
        if (dto == null || dto.patrols() == null || dto.patrols().isEmpty()) {
            throw new IllegalArgumentException(fileName + ": field 'patrols': expected a list with at least one patrol");
        }
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("UTC");
        if (dto.zone() != null) {
            try {
                zone = ZoneId.of(dto.zone());
            } catch (DateTimeException e) {
                problems.add("field 'zone': expected a time zone such as Asia/Shanghai, got '" + dto.zone() + "'");
            }
        }
        FireDanger danger = dto.fireDanger() == null ? FireDanger.LOW : enumOf(FireDanger.class, dto.fireDanger(), "fire_danger", problems);
        List<PatrolDefinition> patrols = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dto.patrols().size(); i++) {
            PatrolDto p = dto.patrols().get(i);
            String at = "patrols[" + i + "]";
            if (p.id() == null || p.id().isBlank()) {
                problems.add("field '" + at + ".id': missing; expected a unique patrol id");
                continue;
            }
            if (!ids.add(p.id())) {
                problems.add("field '" + at + ".id': '" + p.id() + "' is used twice");
            }
            PatrolKind kind = p.kind() == null ? null : enumOf(PatrolKind.class, p.kind(), at + ".kind", problems);
            if (kind == null && p.kind() == null) {
                problems.add("field '" + at + ".kind': missing; expected immediate, timed or conditional");
            }
            if (p.targets() == null || p.targets().isEmpty()) {
                problems.add("field '" + at + ".targets': expected asset ids or kind:<kind> selectors");
            }
            Duration period = null;
            if (p.periodMin() != null) {
                if (p.periodMin() <= 0) {
                    problems.add("field '" + at + ".period_min': expected minutes greater than 0, got " + p.periodMin());
                } else {
                    period = Duration.ofSeconds(Math.round(p.periodMin() * 60));
                }
            } else if (kind == PatrolKind.TIMED || kind == PatrolKind.CONDITIONAL) {
                problems.add("field '" + at + ".period_min': missing; a " + p.kind() + " patrol needs a period in minutes");
            }
            TimeWindow window = p.window() == null ? null : window(p.window(), at + ".window", problems);
            FireDanger threshold = p.fireDangerAtLeast() == null ? null
                    : enumOf(FireDanger.class, p.fireDangerAtLeast(), at + ".fire_danger_at_least", problems);
            double minBattery = p.minBatteryPct() == null ? 80 : p.minBatteryPct();
            if (minBattery < 0 || minBattery > 100) {
                problems.add("field '" + at + ".min_battery_pct': expected a percent from 0 to 100, got " + minBattery);
            }
            patrols.add(new PatrolDefinition(p.id(), p.name() == null ? p.id() : p.name(), kind,
                    p.targets() == null ? List.of() : p.targets(), p.agencies() == null ? List.of() : p.agencies(),
                    period, window, minBattery, threshold, Boolean.TRUE.equals(p.raiseWithFireDanger())));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(s -> fileName + ": " + s).collect(Collectors.joining("\n")));
        }
        return new PatrolPlan(zone, danger, patrols);
    }

    private static TimeWindow window(String text, String field, List<String> problems) {
        String[] parts = text.split("-");
        try {
            if (parts.length == 2) {
                return new TimeWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeException ignored) {
            // reported below with the expected form
        }
        problems.add("field '" + field + "': expected HH:MM-HH:MM, got '" + text + "'");
        return null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<String> problems) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String expected = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
            problems.add("field '" + field + "': expected one of " + expected + ", got '" + value + "'");
            return null;
        }
    }
}
