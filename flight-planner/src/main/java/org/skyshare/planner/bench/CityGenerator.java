package org.skyshare.planner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.skyshare.planner.geo.LocalProjection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded, city-scale asset file for the benchmark: irregular forest patches (some with holes)
 * adding up to the wanted area, meandering rivers, power lines with towers every 400 m, no-fly zones,
 * and docks on a 10 km grid so that every patch is within a dock's reach.
 */
public final class CityGenerator {
    private static final GeometryFactory GF = new GeometryFactory();
    static final double CENTRE_LON = 117;
    static final double CENTRE_LAT = 30;

    private CityGenerator() {
    }

    public record Counts(double forestKm2, int forests, int rivers, int lines, int towers, int docks, int noFly) {
    }

    /** Writes the file and returns what it holds. */
    public static Counts write(Path file, long seed, double forestKm2, int rivers, int lines, int docks, int noFly) throws IOException {
        Random rnd = new Random(seed);
        LocalProjection proj = LocalProjection.at(CENTRE_LON, CENTRE_LAT);
        Coordinate o = proj.toLocal(CENTRE_LON, CENTRE_LAT);
        int cols = (int) Math.ceil(Math.sqrt(docks * 2.0));
        int rows = (int) Math.ceil(docks / (double) cols);
        double dockSpacing = 10_000;
        double w = cols * dockSpacing;
        double h = rows * dockSpacing;
        double x0 = o.x - w / 2;
        double y0 = o.y - h / 2;
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        GeoJsonWriter gw = new GeoJsonWriter(7);
        gw.setEncodeCRS(false);

        int d = 0;
        for (int r = 0; r < rows && d < docks; r++) {
            for (int c = 0; c < cols && d < docks; c++, d++) {
                double x = x0 + (c + 0.5) * dockSpacing + (rnd.nextDouble() - 0.5) * 1000;
                double y = y0 + (r + 0.5) * dockSpacing + (rnd.nextDouble() - 0.5) * 1000;
                add(features, om, gw, proj, GF.createPoint(new Coordinate(x, y)), "dock-" + d, "dock", "power", "profile", "dji-dock-2");
            }
        }
        double slot = 2300;
        List<double[]> slots = new ArrayList<>();
        for (double x = x0 + slot; x < x0 + w - slot; x += slot) {
            for (double y = y0 + slot; y < y0 + h - slot; y += slot) {
                slots.add(new double[] {x, y});
            }
        }
        Collections.shuffle(slots, rnd);
        double area = 0;
        int forests = 0;
        for (double[] s : slots) {
            if (area >= forestKm2 * 1e6) {
                break;
            }
            Polygon p = patch(rnd, s[0] + (rnd.nextDouble() - 0.5) * 300, s[1] + (rnd.nextDouble() - 0.5) * 300, 950 + rnd.nextDouble() * 400);
            area += p.getArea();
            add(features, om, gw, proj, p, "forest-" + forests, "forest", forests % 3 == 0 ? "forest-farm" : "forestry", null, null);
            forests++;
        }
        for (int i = 0; i < rivers; i++) {
            LineString l = walk(rnd, x0 + rnd.nextDouble() * w, y0 + rnd.nextDouble() * h, 40, 300, 0.35, x0, y0, w, h);
            add(features, om, gw, proj, l, "river-" + i, "river", "water", "normal_width_m", String.valueOf(10 + rnd.nextInt(50)));
        }
        int towers = 0;
        for (int i = 0; i < lines; i++) {
            LineString l = walk(rnd, x0 + rnd.nextDouble() * w, y0 + rnd.nextDouble() * h, 5, 3000, 0.5, x0, y0, w, h);
            String id = "line-" + i;
            add(features, om, gw, proj, l, id, "power_line", "power", "voltage_kv", "220");
            var idx = new org.locationtech.jts.linearref.LengthIndexedLine(l);
            int n = (int) Math.floor(l.getLength() / 400);
            for (int k = 0; k <= n; k++) {
                Coordinate c = idx.extractPoint(Math.min(l.getLength(), k * 400.0));
                add(features, om, gw, proj, GF.createPoint(c), "tower-" + i + "-" + k, "tower", "power", "line", id);
                towers++;
            }
        }
        for (int i = 0; i < noFly; i++) {
            Polygon z = (Polygon) GF.createPoint(new Coordinate(x0 + rnd.nextDouble() * w, y0 + rnd.nextDouble() * h)).buffer(200 + rnd.nextDouble() * 600, 4);
            add(features, om, gw, proj, z, "nofly-" + i, "no_fly", "", "reason", "generated");
        }
        om.writeValue(file.toFile(), root);
        return new Counts(area / 1e6, forests, rivers, lines, towers, d, noFly);
    }

    private static void add(ArrayNode features, ObjectMapper om, GeoJsonWriter gw, LocalProjection proj, Geometry local, String id,
                            String kind, String agency, String key, String value) throws IOException {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode p = f.putObject("properties");
        p.put("id", id);
        p.put("kind", kind);
        if (!agency.isEmpty()) {
            p.put("agency", agency);
        }
        if (key != null) {
            p.put(key, value);
        }
        f.set("geometry", om.readTree(gw.write(proj.toWgs84(local))));
    }

    /** An irregular patch, a tenth of them with a clearing (hole). */
    static Polygon patch(Random rnd, double cx, double cy, double r) {
        int n = 16 + rnd.nextInt(9);
        Coordinate[] pts = new Coordinate[n + 1];
        double phase = rnd.nextDouble() * Math.PI;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rr = r * (0.75 + 0.2 * Math.sin(3 * a + phase) + 0.1 * rnd.nextDouble());
            pts[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        pts[n] = pts[0];
        LinearRing shell = GF.createLinearRing(pts);
        if (rnd.nextInt(10) == 0) {
            LinearRing hole = (LinearRing) ((Polygon) GF.createPoint(new Coordinate(cx, cy)).buffer(r * 0.2, 3)).getExteriorRing().reverse();
            return GF.createPolygon(shell, new LinearRing[] {hole});
        }
        return GF.createPolygon(shell);
    }

    private static LineString walk(Random rnd, double x, double y, int steps, double step, double turn,
                                   double x0, double y0, double w, double h) {
        List<Coordinate> pts = new ArrayList<>();
        double heading = rnd.nextDouble() * 2 * Math.PI;
        pts.add(new Coordinate(x, y));
        for (int i = 0; i < steps; i++) {
            heading += (rnd.nextDouble() - 0.5) * turn;
            x = Math.max(x0, Math.min(x0 + w, x + step * Math.cos(heading)));
            y = Math.max(y0, Math.min(y0 + h, y + step * Math.sin(heading)));
            if (pts.get(pts.size() - 1).distance(new Coordinate(x, y)) > 1) {
                pts.add(new Coordinate(x, y));
            }
        }
        if (pts.size() < 2) {
            pts.add(new Coordinate(x + 10, y));
        }
        return GF.createLineString(pts.toArray(Coordinate[]::new));
    }
}
