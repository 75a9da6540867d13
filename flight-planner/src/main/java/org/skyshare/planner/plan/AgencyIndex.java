package org.skyshare.planner.plan;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.List;
import java.util.TreeSet;

/**
 * Which agencies care about a place: inside a forest, over a river corridor, near a power line. A
 * waypoint flown for one agency also serves every other agency whose asset it overlooks; that is what
 * makes a flight shared.
 */
final class AgencyIndex {
    private static final GeometryFactory GF = new GeometryFactory();

    private record Entry(String agency, PreparedGeometry area) {
    }

    private final STRtree tree = new STRtree();

    void add(String agency, Geometry areaLocal) {
        if (agency == null || agency.isBlank() || areaLocal.isEmpty()) {
            return;
        }
        tree.insert(areaLocal.getEnvelopeInternal(), new Entry(agency, PreparedGeometryFactory.prepare(areaLocal)));
    }

    void build() {
        tree.build();
    }

    List<String> agenciesAt(double x, double y, List<String> base) {
        TreeSet<String> out = new TreeSet<>(base);
        Point p = GF.createPoint(new Coordinate(x, y));
        for (Object o : tree.query(new Envelope(x, x, y, y))) {
            Entry e = (Entry) o;
            if (!out.contains(e.agency) && e.area.intersects(p)) {
                out.add(e.agency);
            }
        }
        return List.copyOf(out);
    }
}
