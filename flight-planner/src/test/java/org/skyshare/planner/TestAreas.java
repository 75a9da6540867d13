package org.skyshare.planner;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.geo.LocalProjection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Random and simple test shapes in local metres, and assets made of them. */
public final class TestAreas {
    public static final GeometryFactory GF = new GeometryFactory();
    public static final LocalProjection PROJ = LocalProjection.at(119.85, 30.4);
    public static final Coordinate ORIGIN = PROJ.toLocal(119.85, 30.4);

    private TestAreas() {
    }

    /** Convex: a random convex polygon around (cx, cy) of roughly radius r. */
    public static Polygon convex(Random rnd, double cx, double cy, double r) {
        int n = 5 + rnd.nextInt(8);
        Coordinate[] pts = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n + rnd.nextDouble() * 0.3;
            double rr = r * (0.7 + 0.3 * rnd.nextDouble());
            pts[i] = new Coordinate(cx + rr * Math.cos(a) * (1 + rnd.nextDouble() * 0.5), cy + rr * Math.sin(a));
        }
        return (Polygon) GF.createMultiPointFromCoords(pts).convexHull();
    }

    /** Concave: a star-shaped polygon with deep notches. */
    public static Polygon concave(Random rnd, double cx, double cy, double r) {
        int n = 8 + 2 * rnd.nextInt(6);
        Coordinate[] pts = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rr = r * (i % 2 == 0 ? 0.85 + 0.15 * rnd.nextDouble() : 0.3 + 0.3 * rnd.nextDouble());
            pts[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        pts[n] = pts[0];
        return GF.createPolygon(pts);
    }

    /** With holes: a convex polygon with one or two holes inside. */
    public static Polygon withHoles(Random rnd, double cx, double cy, double r) {
        Polygon shell = convex(rnd, cx, cy, r);
        int holes = 1 + rnd.nextInt(2);
        LinearRing[] rings = new LinearRing[holes];
        for (int h = 0; h < holes; h++) {
            double hx = cx + (h == 0 ? -0.25 : 0.25) * r;
            double hr = r * (0.12 + 0.1 * rnd.nextDouble());
            rings[h] = (LinearRing) convex(rnd, hx, cy, hr).getExteriorRing();
        }
        Polygon p = GF.createPolygon((LinearRing) shell.getExteriorRing(), rings);
        return p.isValid() ? p : shell;
    }

    public static Asset asset(String id, AssetKind kind, Geometry local, Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>(extra);
        props.put("id", id);
        props.put("kind", kind.code());
        Geometry wgs = PROJ.toWgs84(local);
        return new Asset(id, kind, id, props.get("agency"), props, wgs);
    }

    public static Asset dock(String id, double x, double y, String profile) {
        return asset(id, AssetKind.DOCK, GF.createPoint(new Coordinate(x, y)), Map.of("profile", profile));
    }
}
