package org.skyshare.planner.assets;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shared by the three readers: builds checked JTS geometry from raw coordinates, repairing what is safe
 * to repair (duplicate points, unclosed rings, winding, self-intersections) and noting each repair, and
 * turns a feature's properties into an {@link Asset}.
 */
final class FeatureAssembler {
    static final GeometryFactory WGS84 = new GeometryFactory();
    static final int MAX_ID_LENGTH = 100;
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile(
            "(?!\\.)[^/\\\\\\p{Cntrl}]{1," + MAX_ID_LENGTH + "}");

    private final String source;
    private final List<Repair> repairs;
    private String featureRef = "?";
    private final List<String> notes = new ArrayList<>();

    FeatureAssembler(String source, List<Repair> repairs) {
        this.source = source;
        this.repairs = repairs;
    }

    /** Starts a new feature; {@code ref} names it in messages until its id is known. */
    void begin(String ref) {
        featureRef = ref;
        notes.clear();
    }

    void name(String ref) {
        featureRef = ref;
    }

    AssetException error(String what) {
        return new AssetException(source + ": feature " + featureRef + ": " + what);
    }

    Coordinate coordinate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw error("coordinate [" + lon + ", " + lat + "] is not a number; expected [longitude, latitude] in degrees");
        }
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw error("coordinate [" + lon + ", " + lat + "] is out of range; expected [longitude, latitude] with longitude in -180..180 and latitude in -90..90"
                    + (Math.abs(lon) <= 90 && Math.abs(lat) > 90 ? " (are longitude and latitude swapped?)" : ""));
        }
        return new Coordinate(lon, lat);
    }

    private List<Coordinate> withoutRepeats(List<Coordinate> in) {
        List<Coordinate> out = new ArrayList<>(in.size());
        for (Coordinate c : in) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(c)) {
                out.add(c);
            }
        }
        if (out.size() < in.size()) {
            notes.add("removed " + (in.size() - out.size()) + " repeated point(s)");
        }
        return out;
    }

    LineString line(List<Coordinate> coords) {
        List<Coordinate> c = withoutRepeats(coords);
        if (c.size() < 2) {
            throw error("a line needs at least 2 distinct points, found " + c.size());
        }
        return WGS84.createLineString(c.toArray(Coordinate[]::new));
    }

    LinearRing ring(List<Coordinate> coords) {
        List<Coordinate> c = withoutRepeats(coords);
        if (c.size() >= 2 && !c.get(0).equals2D(c.get(c.size() - 1))) {
            c.add(new Coordinate(c.get(0)));
            notes.add("closed an unclosed ring");
        }
        if (c.size() < 4) {
            throw error("a polygon ring needs at least 3 distinct points, found " + Math.max(0, c.size() - 1)
                    + "; the ring cannot be repaired");
        }
        return WGS84.createLinearRing(c.toArray(Coordinate[]::new));
    }

    Polygon polygon(List<LinearRing> rings) {
        if (rings.isEmpty()) {
            throw error("a polygon needs an outer ring; the geometry is empty");
        }
        return WGS84.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    /**
     * Checks a geometry against its kind, repairs self-intersections and winding, records the repairs
     * and builds the asset.
     */
    Asset finish(String id, Map<String, String> props, Geometry g) {
        checkId(id);
        featureRef = id;
        String kindText = props.get("kind");
        if (kindText == null || kindText.isBlank()) {
            throw error("has no kind property; expected one of " + AssetKind.codes());
        }
        AssetKind kind = AssetKind.fromCode(kindText)
                .orElseThrow(() -> error("unknown kind '" + kindText + "'; expected one of " + AssetKind.codes()));
        if (g == null || g.isEmpty()) {
            throw error("has no geometry (empty or null); a " + kind.code() + " needs " + expected(kind));
        }
        checkShape(kind, g);
        Geometry fixed = g;
        if (g.getDimension() == 2) {
            fixed = repairArea(g);
        }
        for (String n : notes) {
            repairs.add(new Repair(source, id, n));
        }
        return new Asset(id, kind, props.get("name"), props.get("agency"), props, fixed);
    }

    /**
     * Ids name files (a dock's sorties are {@code qgc/<dock id>-001.plan}) and MQTT payloads, so one
     * that could climb out of a folder or hide a control character is refused here, where the file
     * and feature are known, rather than where it becomes a path.
     */
    private void checkId(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            String shown = id.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
                    .collect(java.util.stream.Collectors.joining());
            throw error("id '" + shown + "' cannot be used: ids become file names, so they may not contain '/', '\\' "
                    + "or control characters, start with '.', or be longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private Geometry repairArea(Geometry g) {
        Geometry out = g;
        if (!g.isValid()) {
            out = GeometryFixer.fix(g);
            if (out.isEmpty() || out.getDimension() != 2 || out.getArea() <= 0) {
                throw error("the polygon is invalid (self-intersecting or collapsed) and cannot be repaired; fix the outline in the source file");
            }
            double before = g.getEnvelopeInternal().getArea();
            double after = out.getEnvelopeInternal().getArea();
            if (after < 0.5 * before) {
                throw error("the polygon is invalid and repairing it would drop more than half of its extent; fix the outline in the source file");
            }
            notes.add("repaired an invalid polygon (self-intersection or overlapping rings)");
            out = asPolygonal(out);
        }
        return orient(out);
    }

    private Geometry asPolygonal(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polys.add(p);
            }
        }
        return polys.size() == 1 ? polys.get(0) : WGS84.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    /** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
    private Geometry orient(Geometry g) {
        boolean[] changed = {false};
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            LinearRing shell = orientRing(p.getExteriorRing(), true, changed);
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = orientRing(p.getInteriorRingN(h), false, changed);
            }
            polys.add(WGS84.createPolygon(shell, holes));
        }
        if (changed[0]) {
            repairs.add(new Repair(source, featureRef, "reversed ring winding (outer rings counter-clockwise, holes clockwise)"));
        }
        return g instanceof MultiPolygon ? WGS84.createMultiPolygon(polys.toArray(Polygon[]::new)) : polys.get(0);
    }

    private static LinearRing orientRing(LinearRing r, boolean ccw, boolean[] changed) {
        if (Orientation.isCCW(r.getCoordinateSequence()) == ccw) {
            return r;
        }
        changed[0] = true;
        return r.reverse();
    }

    private void checkShape(AssetKind kind, Geometry g) {
        int dim = g.getDimension();
        boolean ok = switch (kind) {
            case FOREST, NO_FLY -> dim == 2;
            case RIVER -> dim == 1 || dim == 2;
            case POWER_LINE -> dim == 1;
            case TOWER, DOCK -> g instanceof org.locationtech.jts.geom.Point;
        };
        if (!ok) {
            throw error("is a " + g.getGeometryType() + "; a " + kind.code() + " needs " + expected(kind));
        }
    }

    private static String expected(AssetKind kind) {
        return switch (kind) {
            case FOREST, NO_FLY -> "a Polygon or MultiPolygon";
            case RIVER -> "a LineString (centre line with normal_width_m) or a Polygon (banks)";
            case POWER_LINE -> "a LineString or MultiLineString";
            case TOWER, DOCK -> "a Point";
        };
    }
}
