package org.skyshare.profiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where things are in a YAML (or JSON) document, so that errors about bound values can point at
 * the line a person has to fix. Jackson binds records through their constructor, so its own
 * location for a field error is often the end of the enclosing object.
 */
public final class YamlLocations {
    private YamlLocations() {
    }

    /** Line of every field, keyed by its path ("gimbal.pitch_min_deg", "patrols[2].kind"); "" is the document. */
    public static Map<String, Integer> fieldLines(ObjectMapper mapper, String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return lines;
            }
            lines.put("", p.currentTokenLocation().getLineNr());
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    lines.put(path(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        return lines;
    }

    private static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            parts.addFirst(c.inObject() ? "." + c.getCurrentName() : "[" + c.getCurrentIndex() + "]");
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /**
     * Refuses an empty document, or one whose top is not a mapping, in a sentence naming the file and
     * the fields expected; binding would say "No content to map due to end-of-input" or name a class.
     */
    public static void requireMapping(ObjectMapper mapper, String text, String file, String expectedFields)
            throws JsonProcessingException {
        JsonNode root = mapper.readTree(text);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(file + ": the file is empty; expected a YAML mapping with " + expectedFields);
        }
        if (!root.isObject()) {
            String got = root.isArray() ? "a list" : root.isTextual() ? "text ('" + root.asText() + "')" : "a single value";
            throw new IllegalArgumentException(file + ":1: expected a YAML mapping with " + expectedFields + ", got " + got);
        }
    }

    /**
     * "file:line: not valid YAML: ..." for a parse error; a limit of Jackson's StreamReadConstraints
     * (nesting depth, text length) has no line and is said as such.
     */
    public static String parseError(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String what = e instanceof StreamConstraintsException ? "too large or too deeply nested to read: " : "not valid YAML: ";
        return file + (line > 0 ? ":" + line : "") + ": " + what + explain(e);
    }

    /** The path of the field a binding error is about, in the same form as {@link #fieldLines}. */
    public static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The best line for a binding error: the field's own line when known, else Jackson's. */
    public static int line(JsonProcessingException e, Map<String, Integer> lines) {
        int jackson = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return e instanceof JsonMappingException me ? lines.getOrDefault(fieldPath(me), jackson) : jackson;
    }

    /** A sentence for a binding error that names no Java class. */
    public static String explain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field; known fields: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException m && !(e instanceof InvalidFormatException) && m.getTargetType() != null) {
            // "Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from Integer value" says it in Java
            return "expected " + expected(m.getTargetType()) + ", got " + got(m.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + expected(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        // Jackson's sentences name the target class ("(class org.x.Foo)"); people need the field, not the class
        return m.replaceAll(" ?\\(class [\\w.$]+\\)", "").replaceAll(" of type `[\\w.$<>, ]+`", "")
                .replaceAll(",? ?from `StreamReadConstraints[^`]*`", "");
    }

    /** The kind of YAML value a Java type is read from, in the words of the file's author. */
    static String expected(Class<?> t) {
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        if (t == String.class || t == Character.class || t == char.class) {
            return "text";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != void.class)) {
            return "a number";
        }
        return "a mapping of fields";
    }

    private static String got(String jacksonMessage) {
        Matcher m = FROM.matcher(jacksonMessage == null ? "" : jacksonMessage);
        if (!m.find()) {
            return "a value of another kind";
        }
        return switch (m.group(1)) {
            case "Array" -> "a list";
            case "Object" -> "a mapping";
            case "String" -> "text";
            case "Boolean" -> "true or false";
            case "Integer", "Floating-point", "Double", "Float", "Long", "BigInteger", "BigDecimal" -> "a number";
            case "Null" -> "nothing";
            default -> m.group(1).toLowerCase(Locale.ROOT);
        };
    }

    private static final Pattern FROM = Pattern.compile("from (Array|Object|String|Boolean|Integer|Floating-point|Double|Float|Long|"
            + "BigInteger|BigDecimal|Null|[A-Z][\\w-]*) value");
}
