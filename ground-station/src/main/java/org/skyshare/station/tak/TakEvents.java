package org.skyshare.station.tak;

import org.skyshare.station.alert.CapXml;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.Incident;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incident as Cursor-on-Target, the way TAK clients (ATAK, WinTAK, iTAK, WebTAK) draw things:
 * a coloured spot marker and the hazard's outline as a shape, both under uids that stay the same
 * for the incident's whole life, so an update moves or restyles them in place and a delete
 * ({@code t-x-d-d} with {@code __forcedelete}, as TAK clients send it) removes them.
 */
public final class TakEvents {
    /** CoT type of a spot map marker: every TAK client draws it, coloured by {@code <color argb>}. */
    public static final String MARKER_TYPE = "b-m-p-s-m";
    /** A freehand shape: a closed run of {@code <link point>} vertices is a polygon. */
    public static final String SHAPE_TYPE = "u-d-f";
    /** A circle with {@code <shape><ellipse>} radii in metres. */
    public static final String CIRCLE_TYPE = "u-d-c-c";
    public static final String DELETE_TYPE = "t-x-d-d";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private TakEvents() {
    }

    /** The marker's uid: one per incident and station, the same at every revision. */
    public static String markerUid(String stationId, String incidentId) {
        return "skyshare." + stationId + "." + incidentId;
    }

    public static String areaUid(String stationId, String incidentId) {
        return markerUid(stationId, incidentId) + ".area";
    }

    /** ARGB as TAK writes it (a signed 32-bit int): red for severe and extreme, orange, yellow. */
    static int colour(HazardSeverity s) {
        return switch (s) {
            case EXTREME, SEVERE -> 0xFFFF0000;
            case MODERATE -> 0xFFFF8C00;
            default -> 0xFFFFFF00;
        };
    }

    /**
     * The marker and the area for an incident that is current.
     *
     * @param evidenceUri the https link the crew's agency opens, null for none
     */
    public static List<CotEvent> current(String stationId, Incident inc, String alertId, String evidenceUri, Instant now) {
        HazardReport r = inc.report();
        Instant stale = now.plus(r.kind().alertLifetime());
        List<CotEvent> out = new ArrayList<>(2);
        out.add(new CotEvent(markerUid(stationId, inc.id()), marker(stationId, inc, alertId, evidenceUri, now, stale)));
        out.add(new CotEvent(areaUid(stationId, inc.id()), area(stationId, inc, now, stale)));
        return out;
    }

    /** Deletes for the marker and the area of a resolved or withdrawn incident. */
    public static List<CotEvent> removed(String stationId, String incidentId, Instant now) {
        return List.of(new CotEvent(markerUid(stationId, incidentId), delete(markerUid(stationId, incidentId), now)),
                new CotEvent(areaUid(stationId, incidentId), delete(areaUid(stationId, incidentId), now)));
    }

    static String marker(String stationId, Incident inc, String alertId, String evidenceUri, Instant now, Instant stale) {
        HazardReport r = inc.report();
        return write(w -> {
            start(w, markerUid(stationId, inc.id()), MARKER_TYPE, "m-g", now, stale);
            point(w, r.position(), Math.max(r.radiusM(), 10));
            w.writeStartElement("detail");
            w.writeEmptyElement("contact");
            w.writeAttribute("callsign", callsign(r));
            w.writeEmptyElement("color");
            w.writeAttribute("argb", Integer.toString(colour(r.severity())));
            w.writeEmptyElement("usericon");
            w.writeAttribute("iconsetpath", "COT_MAPPING_SPOTMAP/" + MARKER_TYPE + "/" + colour(r.severity()));
            w.writeStartElement("remarks");
            w.writeCharacters(remarks(r, alertId, evidenceUri));
            w.writeEndElement();
            if (evidenceUri != null) {
                w.writeEmptyElement("link");
                w.writeAttribute("url", evidenceUri);
                w.writeAttribute("relation", "r-u");
                w.writeAttribute("mime", "image/*");
                w.writeAttribute("remarks", "Evidence (https)");
            }
            w.writeEmptyElement("skyshare");
            w.writeAttribute("incident", inc.id());
            w.writeAttribute("revision", Integer.toString(inc.revision()));
            if (alertId != null) {
                w.writeAttribute("alertId", alertId);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static String area(String stationId, Incident inc, Instant now, Instant stale) {
        HazardReport r = inc.report();
        int stroke = colour(r.severity());
        int fill = (stroke & 0x00FFFFFF) | 0x50000000;
        boolean polygon = !r.area().isEmpty();
        return write(w -> {
            start(w, areaUid(stationId, inc.id()), polygon ? SHAPE_TYPE : CIRCLE_TYPE, "h-e", now, stale);
            point(w, polygon ? centroid(r.area()) : r.position(), 10);
            w.writeStartElement("detail");
            w.writeEmptyElement("contact");
            w.writeAttribute("callsign", r.kind().eventName() + " area");
            if (polygon) {
                List<GeoPoint> ring = new ArrayList<>(r.area());
                GeoPoint first = ring.get(0);
                GeoPoint last = ring.get(ring.size() - 1);
                if (first.latDeg() != last.latDeg() || first.lonDeg() != last.lonDeg()) {
                    ring.add(first);
                }
                for (GeoPoint p : ring) {
                    w.writeEmptyElement("link");
                    w.writeAttribute("point", String.format(Locale.ROOT, "%.7f,%.7f", p.latDeg(), p.lonDeg()));
                }
            } else {
                w.writeStartElement("shape");
                w.writeEmptyElement("ellipse");
                String radius = String.format(Locale.ROOT, "%.1f", Math.max(r.radiusM(), 10));
                w.writeAttribute("major", radius);
                w.writeAttribute("minor", radius);
                w.writeAttribute("angle", "0");
                w.writeEndElement();
            }
            w.writeEmptyElement("strokeColor");
            w.writeAttribute("value", Integer.toString(stroke));
            w.writeEmptyElement("strokeWeight");
            w.writeAttribute("value", "3.0");
            w.writeEmptyElement("fillColor");
            w.writeAttribute("value", Integer.toString(fill));
            w.writeEmptyElement("labels_on");
            w.writeAttribute("value", "true");
            w.writeStartElement("remarks");
            w.writeCharacters(CapXml.headline(r));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** TAK's delete: a t-x-d-d event linking the uid to remove, with {@code __forcedelete}. */
    static String delete(String uid, Instant now) {
        return write(w -> {
            start(w, uid + ".delete", DELETE_TYPE, "m-g", now, now.plusSeconds(20));
            point(w, new GeoPoint(0, 0), 9999999.0);
            w.writeStartElement("detail");
            w.writeEmptyElement("link");
            w.writeAttribute("uid", uid);
            w.writeAttribute("relation", "none");
            w.writeAttribute("type", "none");
            w.writeEmptyElement("__forcedelete");
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static String callsign(HazardReport r) {
        return r.severity().capValue() + " " + r.kind().eventName().toLowerCase(Locale.ROOT)
                + (r.peakTemperatureC() == null ? "" : String.format(Locale.ROOT, ", %.0f °C", r.peakTemperatureC()));
    }

    private static String remarks(HazardReport r, String alertId, String evidenceUri) {
        return CapXml.headline(r) + ". " + r.description().replaceAll("[\\p{Cntrl}\\s]+", " ").strip()
                + (evidenceUri == null ? "" : " Evidence: " + evidenceUri)
                + (alertId == null ? "" : " (alert " + alertId + ")");
    }

    private static GeoPoint centroid(List<GeoPoint> ring) {
        double lat = 0;
        double lon = 0;
        for (GeoPoint p : ring) {
            lat += p.latDeg();
            lon += p.lonDeg();
        }
        return new GeoPoint(lat / ring.size(), lon / ring.size());
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Cursor-on-Target XML failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void start(XMLStreamWriter w, String uid, String type, String how, Instant now, Instant stale)
            throws XMLStreamException {
        w.writeStartElement("event");
        w.writeAttribute("version", "2.0");
        w.writeAttribute("uid", uid);
        w.writeAttribute("type", type);
        w.writeAttribute("how", how);
        String t = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS));
        w.writeAttribute("time", t);
        w.writeAttribute("start", t);
        w.writeAttribute("stale", DateTimeFormatter.ISO_INSTANT.format(stale.truncatedTo(ChronoUnit.MILLIS)));
    }

    private static void point(XMLStreamWriter w, GeoPoint p, double ceM) throws XMLStreamException {
        w.writeEmptyElement("point");
        w.writeAttribute("lat", String.format(Locale.ROOT, "%.7f", p.latDeg()));
        w.writeAttribute("lon", String.format(Locale.ROOT, "%.7f", p.lonDeg()));
        w.writeAttribute("hae", "9999999.0");
        w.writeAttribute("ce", String.format(Locale.ROOT, "%.1f", ceM));
        w.writeAttribute("le", "9999999.0");
    }
}
