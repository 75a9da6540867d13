package org.skyshare.station.alert;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Writes a {@link CapMessage} as OASIS CAP 1.2 XML. */
public final class CapXml {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP forbids "Z": times carry an explicit offset and whole seconds. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private CapXml() {
    }

    /** A CAP 1.2 time in UTC; CAP 1.2 (3.3.2) writes UTC as "-00:00", never "Z" or "+00:00". */
    public static String time(Instant t) {
        return CAP_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + "-00:00";
    }

    /** The "sender,identifier,sent" triple an Update uses to reference this message. */
    public static String referenceTo(String sender, String identifier, Instant sent) {
        return sender + "," + identifier + "," + time(sent);
    }

    public static String write(CapMessage m) {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("alert");
            w.writeDefaultNamespace(NAMESPACE);
            el(w, "identifier", m.identifier());
            el(w, "sender", m.sender());
            el(w, "sent", time(m.sent()));
            el(w, "status", m.status());
            el(w, "msgType", m.msgType());
            el(w, "source", m.senderName());
            el(w, "scope", "Restricted");
            el(w, "restriction", "For " + m.agency() + " and the agencies sharing this station's flights");
            if (!m.references().isEmpty()) {
                el(w, "references", String.join(" ", m.references()));
            }
            el(w, "incidents", m.incidentId());
            writeInfo(w, m);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing CAP XML failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeInfo(XMLStreamWriter w, CapMessage m) throws XMLStreamException {
        HazardReport r = m.incident().report();
        HazardKind kind = r.kind();
        w.writeStartElement("info");
        el(w, "language", "en-US");
        el(w, "category", kind.capCategory());
        el(w, "event", kind.eventName());
        el(w, "responseType", "Cancel".equals(m.msgType()) ? "AllClear" : "Assess");
        el(w, "urgency", "Cancel".equals(m.msgType()) ? "Past" : urgency(kind));
        el(w, "severity", r.severity().capValue());
        el(w, "certainty", m.certainty());
        el(w, "effective", time(r.detectedAt()));
        el(w, "expires", time(m.expires()));
        el(w, "senderName", m.senderName());
        el(w, "headline", headline(r));
        el(w, "description", description(r));
        param(w, "confidence", String.format(Locale.ROOT, "%.2f", r.confidence()));
        if (r.peakTemperatureC() != null) {
            param(w, "peakTemperatureC", String.format(Locale.ROOT, "%.1f", r.peakTemperatureC()));
        }
        param(w, "skyshareIncident", m.incidentId());
        param(w, "revision", Integer.toString(m.incident().revision()));
        if (!m.evidence().isEmpty()) {
            for (EvidenceResource e : m.evidence()) {
                resource(w, e);
            }
        } else if (m.evidenceUri() != null) {
            w.writeStartElement("resource");
            el(w, "resourceDesc", "evidence image");
            el(w, "mimeType", mimeType(r.evidenceImage()));
            el(w, "uri", m.evidenceUri());
            w.writeEndElement();
        }
        w.writeStartElement("area");
        el(w, "areaDesc", kind.eventName() + String.format(Locale.ROOT, " near %.5f, %.5f",
                r.position().latDeg(), r.position().lonDeg()));
        if (!r.area().isEmpty()) {
            el(w, "polygon", polygon(r.area()));
        } else {
            el(w, "circle", String.format(Locale.ROOT, "%.6f,%.6f %.3f", r.position().latDeg(),
                    r.position().lonDeg(), Math.max(r.radiusM(), 1.0) / 1000.0));
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** CAP 1.2 resource: the schema's order is resourceDesc, mimeType, size, uri, derefUri, digest. */
    private static void resource(XMLStreamWriter w, EvidenceResource e) throws XMLStreamException {
        w.writeStartElement("resource");
        el(w, "resourceDesc", e.description());
        el(w, "mimeType", e.mimeType());
        el(w, "size", Long.toString(e.sizeBytes()));
        if (e.uri() != null) {
            el(w, "uri", e.uri());
        }
        if (e.inlineBase64() != null) {
            el(w, "derefUri", e.inlineBase64());
        }
        if (e.sha1Hex() != null) {
            el(w, "digest", e.sha1Hex());
        }
        w.writeEndElement();
    }

    public static String headline(HazardReport r) {
        return r.severity().capValue() + " " + r.kind().eventName().toLowerCase(Locale.ROOT) + " detected by drone patrol";
    }

    /**
     * What people read: the detector's sentence (control characters and runs of white space removed,
     * ended with a full stop), then where and how sure in one sentence. Without a sentence from the
     * detector the kind stands in, so the headline is not repeated word for word.
     */
    public static String description(HazardReport r) {
        String said = r.description().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        StringBuilder sb = new StringBuilder(said.isEmpty() ? r.kind().eventName() + " seen from a patrol drone" : said);
        if (!said.isEmpty() && ".!?".indexOf(said.charAt(said.length() - 1)) < 0) {
            sb.append('.');
        } else if (said.isEmpty()) {
            sb.append('.');
        }
        sb.append(String.format(Locale.ROOT, " At %.5f, %.5f (lat, lon), confidence %.0f%%", r.position().latDeg(),
                r.position().lonDeg(), r.confidence() * 100));
        if (r.peakTemperatureC() != null) {
            sb.append(String.format(Locale.ROOT, ", peak temperature %.0f °C", r.peakTemperatureC()));
        }
        return sb.append('.').toString();
    }

    private static String urgency(HazardKind kind) {
        return switch (kind) {
            case FIRE, SMOKE, FLOOD, PERSON_IN_DISTRESS -> "Immediate";
            default -> "Expected";
        };
    }

    static String mimeType(Path image) {
        String n = image == null ? "" : image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return "image/tiff";
        }
        return "image/jpeg";
    }

    /** CAP polygons are "lat,lon" pairs, closed: the first pair repeated at the end, at least four pairs. */
    static String polygon(List<GeoPoint> area) {
        StringBuilder sb = new StringBuilder();
        for (GeoPoint p : area) {
            pair(sb, p);
        }
        GeoPoint first = area.get(0);
        GeoPoint last = area.get(area.size() - 1);
        if (first.latDeg() != last.latDeg() || first.lonDeg() != last.lonDeg()) {
            pair(sb, first);
        }
        return sb.toString().trim();
    }

    private static void pair(StringBuilder sb, GeoPoint p) {
        sb.append(String.format(Locale.ROOT, "%.6f,%.6f ", p.latDeg(), p.lonDeg()));
    }

    private static void param(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("parameter");
        el(w, "valueName", name);
        el(w, "value", value);
        w.writeEndElement();
    }

    private static void el(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
