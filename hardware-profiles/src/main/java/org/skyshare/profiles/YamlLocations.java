package org.skyshare.profiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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
        String m = e.getOriginalMessage();
        // Jackson's sentences name the target class ("(class org.x.Foo)"); people need the field, not the class
        return m.replaceAll(" ?\\(class [\\w.$]+\\)", "").replaceAll(" of type `[\\w.$]+`", "");
    }
}
