package org.skyshare.planner.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a written plan folder back as a stranger would: only the files (missions/*.json, qgc/*.plan,
 * plan.json), none of the planner's objects, with its own flat-earth projection in metres around a
 * fixed origin (good to millimetres over a few kilometres). Used by tests to check the plan
 * independently of how it was made.
 */
public final class WrittenPlanCheck {
    public static final GeometryFactory GF = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double M_PER_DEG_LAT = 110_574.0;

    private final double lon0;
    private final double lat0;
    private final double mPerDegLon;

    public WrittenPlanCheck(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(lat0));
    }

    public Coordinate toLocal(double lon, double lat) {
        return new Coordinate((lon - lon0) * mPerDegLon, (lat - lat0) * M_PER_DEG_LAT);
    }

    public double[] toLonLat(double x, double y) {
        return new double[] {lon0 + x / mPerDegLon, lat0 + y / M_PER_DEG_LAT};
    }

    /** One mission as written: the legs between positions and which of them had the camera on. */
    public record Mission(String file, List<LineString> legs, List<LineString> cameraLegs, int triggersOn, int triggersOff,
                          int triggersWithoutGimbal, List<JsonNode> items) {
    }

    public List<Mission> missions(Path planDir) throws IOException {
        List<Mission> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(planDir.resolve("missions"))) {
            for (Path f : files.sorted().toList()) {
                out.add(mission(f));
            }
        }
        return out;
    }

    private Mission mission(Path f) throws IOException {
        JsonNode items = JSON.readTree(f.toFile());
        List<LineString> legs = new ArrayList<>();
        List<LineString> camera = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        Coordinate prev = null;
        boolean on = false;
        boolean gimbalSinceOff = false;
        int ons = 0;
        int offs = 0;
        int noGimbal = 0;
        for (JsonNode it : items) {
            all.add(it);
            int cmd = it.get("command").asInt();
            int frame = it.get("frame").asInt();
            if (frame != 2) {
                Coordinate c = toLocal(it.get("lonDeg").asDouble(), it.get("latDeg").asDouble());
                if (prev != null && prev.distance(c) > 1e-6) {
                    LineString l = GF.createLineString(new Coordinate[] {prev, c});
                    legs.add(l);
                    if (on) {
                        camera.add(l);
                    }
                }
                prev = c;
            } else if (cmd == 206) { // DO_SET_CAM_TRIGG_DIST
                boolean nowOn = it.get("param1").asDouble() > 0;
                if (nowOn) {
                    ons++;
                    if (!gimbalSinceOff) {
                        noGimbal++;
                    }
                } else {
                    offs++;
                    gimbalSinceOff = false;
                }
                on = nowOn;
            } else if (cmd == 1000 || cmd == 205) { // gimbal manager pitch/yaw, mount control
                gimbalSinceOff = true;
            }
        }
        return new Mission(f.getFileName().toString(), legs, camera, ons, offs, noGimbal, all);
    }

    /** The ground seen by the camera legs: each leg grown by half the swath, flat ends. */
    public static Geometry swaths(List<LineString> legs, double swathWidthM) {
        BufferParameters bp = new BufferParameters();
        bp.setEndCapStyle(BufferParameters.CAP_FLAT);
        return BufferOp.bufferOp(GF.createMultiLineString(legs.toArray(LineString[]::new)), swathWidthM / 2, bp);
    }

    public static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** A GeoJSON or QGC ring [[a, b], ...] as a local polygon; latFirst for QGC's [lat, lon]. */
    public Polygon ring(JsonNode ring, boolean latFirst) {
        List<Coordinate> cs = new ArrayList<>();
        for (JsonNode p : ring) {
            double a = p.get(0).asDouble();
            double b = p.get(1).asDouble();
            cs.add(latFirst ? toLocal(b, a) : toLocal(a, b));
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return GF.createPolygon(cs.toArray(Coordinate[]::new));
    }
}
