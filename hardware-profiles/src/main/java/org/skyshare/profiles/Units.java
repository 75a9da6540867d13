package org.skyshare.profiles;

import java.util.Map;

/** Field names carry their unit as a suffix; this names the unit for error messages. */
final class Units {
    private static final Map<String, String> SUFFIXES = Map.ofEntries(
            Map.entry("_mm_per_h", "millimetres per hour"),
            Map.entry("_mps", "metres per second"),
            Map.entry("_mm", "millimetres"),
            Map.entry("_min", "minutes"),
            Map.entry("_deg", "degrees"),
            Map.entry("_pct", "percent"),
            Map.entry("_px", "pixels"),
            Map.entry("_mk", "millikelvin"),
            Map.entry("_m", "metres"),
            Map.entry("_s", "seconds"),
            Map.entry("_c", "degrees Celsius"));

    private Units() {
    }

    static String of(String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        return SUFFIXES.entrySet().stream()
                .filter(e -> leaf.endsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    static String number(String field) {
        String unit = of(field);
        return unit == null ? "a number" : "a number of " + unit + " (the unit is in the field name)";
    }
}
