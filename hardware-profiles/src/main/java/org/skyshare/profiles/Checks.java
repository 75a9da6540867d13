package org.skyshare.profiles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects rule violations of one profile file. It knows on which line each field was written, so
 * every problem points at the line to fix, and which fields were written at all, so a missing
 * field is told apart from a zero.
 */
public final class Checks {
    private final String file;
    private final Map<String, Integer> lines;
    private final List<Problem> problems = new ArrayList<>();

    Checks(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Checks for a profile built in code, where every field counts as present. */
    public static Checks forCode(String name) {
        return new Checks(name, null);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    void fail(String field, String message) {
        problems.add(new Problem(file, lineOf(field), field, message));
    }

    private int lineOf(String field) {
        if (lines == null) {
            return 0;
        }
        String path = field;
        while (true) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int dot = path.lastIndexOf('.');
            if (dot < 0) {
                return lines.getOrDefault("", 0);
            }
            path = path.substring(0, dot);
        }
    }

    private boolean missing(String field) {
        if (lines != null && !lines.containsKey(field)) {
            fail(field, "missing; expected " + Units.number(field));
            return true;
        }
        return false;
    }

    void text(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "missing; expected a non-empty text");
        }
    }

    void present(String field, Object value) {
        if (value == null) {
            fail(field, "missing; expected a " + field + " section");
        }
    }

    void positive(String field, double value) {
        if (!missing(field) && !(value > 0)) {
            fail(field, "expected " + Units.number(field) + " greater than 0, got " + format(value));
        }
    }

    void range(String field, double value, double min, double max) {
        if (!missing(field) && !(value >= min && value <= max)) {
            fail(field, "expected " + Units.number(field) + " from " + format(min) + " to " + format(max)
                    + ", got " + format(value));
        }
    }

    void atLeast(String field, double value, String otherField, double other) {
        if (value < other) {
            fail(field, "must be at least " + otherField + " (" + format(other) + "), got " + format(value));
        }
    }

    void notEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            fail(field, "expected a list with at least one id");
        }
    }

    void source(Source source) {
        if (source == null || source.url() == null || source.url().isBlank()) {
            fail("source", "missing; expected source.url citing the public spec sheet (and source.title)");
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
