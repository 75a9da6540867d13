package org.skyshare.station.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.AgencyAction;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The answer agencies and crews publish on skyshare/v1/&lt;station&gt;/acks/&lt;sender&gt;:
 * <pre>
 * {"ackId": "forestry-7f3a", "alertId": "jingshan-01.inc-42.forestry.r0", "action": "acknowledged",
 *  "by": "Li Wei", "at": "2026-11-23T12:00:00Z", "note": "crew on the way"}
 * </pre>
 * {@code action} is acknowledged, on-site or resolved; {@code at} and {@code note} may be left out;
 * {@code agency}, when given, must name the topic's sender.
 */
public final class AckCodec {
    public static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AckCodec() {
    }

    public static byte[] encode(Acknowledgement a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ackId", a.ackId());
        n.put("alertId", a.alertId());
        n.put("agency", a.agency());
        n.put("action", a.action().wireName());
        n.put("by", a.actor());
        n.put("at", a.at().toString());
        if (a.note() != null && !a.note().isBlank()) {
            n.put("note", a.note());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an answer sent by {@code sender} (the last level of its topic).
     *
     * @throws IllegalArgumentException naming the field and what was expected
     */
    public static Acknowledgement decode(String sender, byte[] payload, Instant receivedAt) {
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("empty answer; expected a JSON object with ackId, alertId, action and by");
        }
        if (payload.length > MAX_BYTES) {
            throw new IllegalArgumentException("answer of " + payload.length + " bytes is larger than " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("answer is not UTF-8 text");
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("answer is not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("answer is not a JSON object; expected ackId, alertId, action and by");
        }
        String ackId = text(n, "ackId", true);
        String alertId = text(n, "alertId", true);
        String action = text(n, "action", true);
        String by = text(n, "by", true);
        String agency = text(n, "agency", false);
        if (agency != null && !agency.equals(sender)) {
            throw new IllegalArgumentException("field 'agency' is '" + agency + "' but the answer was sent on the topic of '"
                    + sender + "'");
        }
        AgencyAction act = AgencyAction.parse(action);
        String atText = text(n, "at", false);
        Instant at = receivedAt;
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field 'at' is '" + atText + "'; expected an ISO-8601 instant like 2026-11-23T12:00:00Z");
            }
        }
        String note = text(n, "note", false);
        if (ackId.length() > 200 || alertId.length() > 200 || by.length() > 120 || (note != null && note.length() > 4000)) {
            throw new IllegalArgumentException("answer field too long (ackId/alertId at most 200, by 120, note 4000 characters)");
        }
        return new Acknowledgement(ackId, alertId, sender, act, by, at, note);
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("field '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        return v.asText();
    }
}
