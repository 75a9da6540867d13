package org.skyshare.station.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The same alert as an RFC 7946 GeoJSON Feature, and hazard pins for field crews. Coordinates are
 * [longitude, latitude] in WGS84 with no "crs" member; polygon rings are closed and the exterior
 * ring runs counter-clockwise (the right-hand rule of RFC 7946 section 3.1.6).
 */
public final class AlertGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** About 1 cm; RFC 7946 section 11.2 advises against more precision than the data has. */
    private static final double SCALE = 1e7;

    private AlertGeoJson() {
    }

    /** The alert for {@code m.agency()} as a Feature whose id is the CAP identifier. */
    public static String feature(CapMessage m) {
        HazardReport r = m.incident().report();
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", m.identifier());
        f.set("geometry", r.area().isEmpty() ? point(r.position()) : polygon(r.area()));
        ObjectNode p = f.putObject("properties");
        p.put("capIdentifier", m.identifier());
        p.put("msgType", m.msgType());
        p.put("incident", m.incidentId());
        p.put("revision", m.incident().revision());
        p.put("agency", m.agency());
        p.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        p.put("event", r.kind().eventName());
        p.put("category", r.kind().capCategory());
        p.put("severity", r.severity().capValue());
        p.put("certainty", m.certainty());
        p.put("confidence", round(r.confidence(), 100));
        if (r.peakTemperatureC() != null) {
            p.put("peakTemperatureC", round(r.peakTemperatureC(), 10));
        }
        p.put("headline", CapXml.headline(r));
        p.put("sent", CapXml.time(m.sent()));
        p.put("detected", CapXml.time(r.detectedAt()));
        if (r.area().isEmpty()) {
            p.put("radiusM", r.radiusM());
        }
        if (m.evidenceUri() != null) {
            p.put("evidence", m.evidenceUri());
        }
        if (!m.references().isEmpty()) {
            ArrayNode refs = p.putArray("references");
            m.references().forEach(refs::add);
        }
        return write(f);
    }

    /**
     * A hazard pin for a field crew: a GeoJSON point with what, how bad, a short text and the
     * evidence link.
     */
    public static String pin(String pinId, String crew, CapMessage m) {
        HazardReport r = m.incident().report();
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", pinId);
        f.set("geometry", point(r.position()));
        ObjectNode p = f.putObject("properties");
        p.put("pin", pinId);
        p.put("crew", crew);
        p.put("alertId", m.identifier());
        p.put("incident", m.incidentId());
        p.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        p.put("severity", r.severity().capValue());
        p.put("text", shortText(r, m.msgType()));
        if (m.evidenceUri() != null) {
            p.put("evidence", m.evidenceUri());
        }
        p.put("sent", CapXml.time(m.sent()));
        return write(f);
    }

    static String shortText(HazardReport r, String msgType) {
        String prefix = "Cancel".equals(msgType) ? "CANCELLED: " : "Update".equals(msgType) ? "UPDATE: " : "";
        String t = prefix + r.severity().capValue() + " " + r.kind().eventName().toLowerCase(java.util.Locale.ROOT)
                + (r.peakTemperatureC() == null ? "" : String.format(java.util.Locale.ROOT, ", %.0f °C", r.peakTemperatureC()));
        return t.length() <= 120 ? t : t.substring(0, 120);
    }

    private static ObjectNode point(GeoPoint g) {
        ObjectNode geom = JSON.createObjectNode();
        geom.put("type", "Point");
        ArrayNode c = geom.putArray("coordinates");
        c.add(round(g.lonDeg(), SCALE));
        c.add(round(g.latDeg(), SCALE));
        return geom;
    }

    private static ObjectNode polygon(List<GeoPoint> area) {
        List<GeoPoint> ring = new ArrayList<>(area);
        GeoPoint first = ring.get(0);
        GeoPoint last = ring.get(ring.size() - 1);
        if (first.latDeg() != last.latDeg() || first.lonDeg() != last.lonDeg()) {
            ring.add(first);
        }
        if (signedArea(ring) < 0) {
            java.util.Collections.reverse(ring);
        }
        ObjectNode geom = JSON.createObjectNode();
        geom.put("type", "Polygon");
        ArrayNode rings = geom.putArray("coordinates");
        ArrayNode exterior = rings.addArray();
        for (GeoPoint g : ring) {
            ArrayNode pos = exterior.addArray();
            pos.add(round(g.lonDeg(), SCALE));
            pos.add(round(g.latDeg(), SCALE));
        }
        return geom;
    }

    /** Shoelace area in lon/lat space: positive for a counter-clockwise ring. */
    static double signedArea(List<GeoPoint> ring) {
        double s = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(i + 1);
            s += a.lonDeg() * b.latDeg() - b.lonDeg() * a.latDeg();
        }
        return s / 2;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing GeoJSON failed: " + e.getMessage(), e);
        }
    }
}
