package org.skyshare.planner.assets;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads assets from KML 2.2: each Placemark is a feature, its ExtendedData (Data/value or
 * SchemaData/SimpleData) its properties; {@code kind} must be among them. The id is the
 * {@code id} property, else the Placemark's id attribute.
 */
final class KmlAssetReader {
    private KmlAssetReader() {
    }

    static List<Asset> parse(String source, byte[] bytes, List<Repair> repairs) {
        Document doc;
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = dbf.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new AssetException(source + ": line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": not well-formed KML: " + e.getMessage());
        } catch (Exception e) {
            throw new AssetException(source + ": cannot parse the KML file: " + e.getMessage(), e);
        }
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        FeatureAssembler fa = new FeatureAssembler(source, repairs);
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < placemarks.getLength(); i++) {
            out.add(placemark(fa, i, (Element) placemarks.item(i)));
        }
        return out;
    }

    private static Asset placemark(FeatureAssembler fa, int index, Element pm) {
        fa.begin("Placemark #" + (index + 1));
        Map<String, String> props = new LinkedHashMap<>();
        Element name = child(pm, "name");
        if (name != null) {
            props.put("name", name.getTextContent().strip());
        }
        for (Element d : descendants(pm, "Data")) {
            Element v = child(d, "value");
            if (v != null && d.hasAttribute("name")) {
                props.put(d.getAttribute("name"), v.getTextContent().strip());
            }
        }
        for (Element d : descendants(pm, "SimpleData")) {
            if (d.hasAttribute("name")) {
                props.put(d.getAttribute("name"), d.getTextContent().strip());
            }
        }
        String id = props.get("id");
        if ((id == null || id.isBlank()) && pm.hasAttribute("id")) {
            id = pm.getAttribute("id");
        }
        if (id == null || id.isBlank()) {
            throw fa.error("has no id; give the Placemark an id attribute or an ExtendedData 'id'");
        }
        props.put("id", id);
        fa.name(id + " (Placemark #" + (index + 1) + ")");
        return fa.finish(id, props, geometry(fa, pm));
    }

    private static Geometry geometry(FeatureAssembler fa, Element parent) {
        List<Geometry> parts = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                switch (e.getLocalName()) {
                    case "Point" -> parts.add(FeatureAssembler.WGS84.createPoint(single(fa, e)));
                    case "LineString" -> parts.add(fa.line(coordinates(fa, e)));
                    case "Polygon" -> parts.add(polygon(fa, e));
                    case "MultiGeometry" -> {
                        Geometry g = geometry(fa, e);
                        if (g != null) {
                            for (int i = 0; i < g.getNumGeometries(); i++) {
                                parts.add(g.getGeometryN(i));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        var f = FeatureAssembler.WGS84;
        if (parts.stream().allMatch(p -> p instanceof Polygon)) {
            return f.createMultiPolygon(parts.toArray(Polygon[]::new));
        }
        if (parts.stream().allMatch(p -> p instanceof LineString)) {
            return f.createMultiLineString(parts.toArray(LineString[]::new));
        }
        if (parts.stream().allMatch(p -> p instanceof Point)) {
            return f.createMultiPoint(parts.toArray(Point[]::new));
        }
        throw fa.error("its MultiGeometry mixes points, lines and polygons; one feature must be one kind of shape");
    }

    private static Polygon polygon(FeatureAssembler fa, Element poly) {
        List<LinearRing> rings = new ArrayList<>();
        Element outer = child(poly, "outerBoundaryIs");
        if (outer == null || child(outer, "LinearRing") == null) {
            throw fa.error("Polygon has no outerBoundaryIs/LinearRing");
        }
        rings.add(fa.ring(coordinates(fa, child(outer, "LinearRing"))));
        for (Node n = poly.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "innerBoundaryIs".equals(e.getLocalName()) && child(e, "LinearRing") != null) {
                rings.add(fa.ring(coordinates(fa, child(e, "LinearRing"))));
            }
        }
        return fa.polygon(rings);
    }

    private static Coordinate single(FeatureAssembler fa, Element e) {
        List<Coordinate> c = coordinates(fa, e);
        if (c.size() != 1) {
            throw fa.error("a Point needs exactly one coordinate, found " + c.size());
        }
        return c.get(0);
    }

    private static List<Coordinate> coordinates(FeatureAssembler fa, Element geom) {
        Element c = child(geom, "coordinates");
        if (c == null) {
            throw fa.error(geom.getLocalName() + " has no <coordinates>");
        }
        List<Coordinate> out = new ArrayList<>();
        for (String tuple : c.getTextContent().strip().split("\\s+")) {
            if (tuple.isEmpty()) {
                continue;
            }
            String[] parts = tuple.split(",");
            if (parts.length < 2) {
                throw fa.error("coordinate '" + tuple + "' is not longitude,latitude[,altitude]");
            }
            try {
                out.add(fa.coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (NumberFormatException e) {
                throw fa.error("coordinate '" + tuple + "' is not longitude,latitude[,altitude] in numbers");
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
