package org.skyshare.station.alert;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A hazard as a Cursor-on-Target event for TAK clients (ATAK, WinTAK, iTAK): a spot marker at the
 * hazard with its description in the remarks and the evidence as a link.
 */
public final class CursorOnTarget {
    /** CoT type of a spot map marker; TAK clients draw it without a custom icon set. */
    public static final String TYPE = "b-m-p-s-m";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final Duration STALE_AFTER = Duration.ofHours(6);

    private CursorOnTarget() {
    }

    public static String event(String uid, CapMessage m) {
        HazardReport r = m.incident().report();
        Instant now = m.sent().truncatedTo(ChronoUnit.MILLIS);
        StringWriter out = new StringWriter(1024);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("event");
            w.writeAttribute("version", "2.0");
            w.writeAttribute("uid", uid);
            w.writeAttribute("type", TYPE);
            w.writeAttribute("how", "m-g");
            w.writeAttribute("time", DateTimeFormatter.ISO_INSTANT.format(now));
            w.writeAttribute("start", DateTimeFormatter.ISO_INSTANT.format(now));
            w.writeAttribute("stale", DateTimeFormatter.ISO_INSTANT.format(
                    "Cancel".equals(m.msgType()) ? now : now.plus(STALE_AFTER)));
            w.writeStartElement("point");
            w.writeAttribute("lat", String.format(Locale.ROOT, "%.7f", r.position().latDeg()));
            w.writeAttribute("lon", String.format(Locale.ROOT, "%.7f", r.position().lonDeg()));
            w.writeAttribute("hae", "9999999.0");
            w.writeAttribute("ce", String.format(Locale.ROOT, "%.1f", Math.max(r.radiusM(), 10)));
            w.writeAttribute("le", "9999999.0");
            w.writeEndElement();
            w.writeStartElement("detail");
            w.writeEmptyElement("contact");
            w.writeAttribute("callsign", AlertGeoJson.shortText(r, m.msgType()));
            w.writeStartElement("remarks");
            w.writeCharacters(CapXml.description(r));
            w.writeEndElement();
            if (m.evidenceUri() != null) {
                w.writeEmptyElement("link");
                w.writeAttribute("url", m.evidenceUri());
                w.writeAttribute("relation", "r-u");
                w.writeAttribute("mime", CapXml.mimeType(r.evidenceImage()));
                w.writeAttribute("remarks", "evidence image");
            }
            w.writeEmptyElement("skyshare");
            w.writeAttribute("alertId", m.identifier());
            w.writeAttribute("incident", m.incidentId());
            w.writeAttribute("severity", r.severity().capValue());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Cursor-on-Target XML failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
