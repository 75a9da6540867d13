package org.skyshare.planner.qgc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skyshare.planner.mission.MissionItem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a QGroundControl {@code .plan} file (fileType Plan, version 1; mission version 2; geofence
 * version 1 or 2; rally points) so a route drawn in QGC can be flown by Skyshare. SimpleItems are
 * taken as they are (params 1-7, or the older params 1-4 plus {@code coordinate}); pattern items
 * (survey, corridor scan, structure scan) contribute the items QGC saved in them
 * ({@code TransectStyleComplexItem.Items}), which is what QGC itself uploads.
 */
public final class QgcPlanReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QgcPlanReader() {
    }

    public static QgcPlanFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new QgcFileException(file + ": not readable JSON (" + e.getMessage() + ")", e);
        }
        return read(root, file.toString());
    }

    public static QgcPlanFile read(JsonNode root, String source) {
        if (root == null || !root.isObject() || !"Plan".equals(root.path("fileType").asText())) {
            throw new QgcFileException(source + ": not a QGroundControl plan (fileType is '" + (root == null ? "" : root.path("fileType").asText())
                    + "', expected 'Plan')");
        }
        JsonNode mission = root.path("mission");
        if (!mission.isObject()) {
            throw new QgcFileException(source + ": no 'mission' object");
        }
        List<MissionItem> items = new ArrayList<>();
        JsonNode list = mission.path("items");
        if (!list.isArray()) {
            throw new QgcFileException(source + ": mission.items is not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode it = list.get(i);
            String where = source + ": mission item " + (i + 1);
            String type = it.path("type").asText();
            if (type.equals("SimpleItem")) {
                items.add(simple(it, items.size(), where));
            } else if (type.equals("ComplexItem")) {
                JsonNode inner = it.path("TransectStyleComplexItem").path("Items");
                if (!inner.isArray()) {
                    throw new QgcFileException(where + ": ComplexItem '" + it.path("complexItemType").asText()
                            + "' has no saved items (TransectStyleComplexItem.Items); open and save the plan in QGroundControl 4 first");
                }
                for (int j = 0; j < inner.size(); j++) {
                    items.add(simple(inner.get(j), items.size(), where + " (" + it.path("complexItemType").asText() + ") item " + (j + 1)));
                }
            } else {
                throw new QgcFileException(where + ": type '" + type + "', expected SimpleItem or ComplexItem");
            }
        }
        JsonNode home = mission.path("plannedHomePosition");
        double hLat = home.isArray() && home.size() >= 2 ? home.get(0).asDouble() : Double.NaN;
        double hLon = home.isArray() && home.size() >= 2 ? home.get(1).asDouble() : Double.NaN;
        double hAlt = home.isArray() && home.size() >= 3 ? home.get(2).asDouble() : Double.NaN;

        List<QgcPlanFile.FencePolygon> polygons = new ArrayList<>();
        List<QgcPlanFile.FenceCircle> circles = new ArrayList<>();
        JsonNode fence = root.path("geoFence");
        JsonNode fp = fence.path("polygons");
        for (int i = 0; i < fp.size(); i++) {
            JsonNode p = fp.get(i);
            polygons.add(new QgcPlanFile.FencePolygon(p.path("inclusion").asBoolean(true), ring(p.path("polygon"), source + ": geoFence polygon " + (i + 1))));
        }
        // geofence version 1 held a single inclusion polygon under "polygon"
        JsonNode legacy = fence.path("polygon");
        if (legacy.isArray() && legacy.size() > 0) {
            polygons.add(new QgcPlanFile.FencePolygon(true, ring(legacy, source + ": geoFence polygon")));
        }
        JsonNode fc = fence.path("circles");
        for (int i = 0; i < fc.size(); i++) {
            JsonNode c = fc.get(i).path("circle");
            JsonNode centre = c.path("center");
            if (!centre.isArray() || centre.size() < 2 || !c.path("radius").isNumber()) {
                throw new QgcFileException(source + ": geoFence circle " + (i + 1) + ": expected circle.center [lat, lon] and circle.radius");
            }
            circles.add(new QgcPlanFile.FenceCircle(fc.get(i).path("inclusion").asBoolean(true), centre.get(0).asDouble(), centre.get(1).asDouble(),
                    c.path("radius").asDouble()));
        }
        List<QgcPlanFile.RallyPoint> rally = new ArrayList<>();
        JsonNode rp = root.path("rallyPoints").path("points");
        for (int i = 0; i < rp.size(); i++) {
            JsonNode p = rp.get(i);
            if (!p.isArray() || p.size() < 2) {
                throw new QgcFileException(source + ": rally point " + (i + 1) + ": expected [lat, lon, alt]");
            }
            rally.add(new QgcPlanFile.RallyPoint(p.get(0).asDouble(), p.get(1).asDouble(), p.size() > 2 ? p.get(2).asDouble() : 0));
        }
        return new QgcPlanFile(source, mission.path("firmwareType").asInt(0), hLat, hLon, hAlt, items, polygons, circles, rally);
    }

    private static MissionItem simple(JsonNode it, int seq, String where) {
        if (!it.path("command").isNumber()) {
            throw new QgcFileException(where + ": no numeric 'command'");
        }
        if (!it.path("frame").isNumber()) {
            throw new QgcFileException(where + ": no numeric 'frame'");
        }
        JsonNode params = it.path("params");
        float[] p = new float[7];
        double lat;
        double lon;
        if (params.isArray() && params.size() == 7) {
            for (int k = 0; k < 4; k++) {
                p[k] = num(params.get(k));
            }
            lat = dbl(params.get(4));
            lon = dbl(params.get(5));
            p[6] = num(params.get(6));
        } else if (params.isArray() && params.size() == 4 && it.path("coordinate").isArray() && it.path("coordinate").size() == 3) {
            // the older layout: params 1-4 and coordinate [lat, lon, alt]
            for (int k = 0; k < 4; k++) {
                p[k] = num(params.get(k));
            }
            JsonNode c = it.path("coordinate");
            lat = dbl(c.get(0));
            lon = dbl(c.get(1));
            p[6] = num(c.get(2));
        } else {
            throw new QgcFileException(where + ": 'params' must hold 7 numbers (or 4 with a 'coordinate' [lat, lon, alt])");
        }
        return new MissionItem(seq, it.get("frame").asInt(), it.get("command").asInt(), p[0], p[1], p[2], p[3], lat, lon, p[6],
                it.path("autoContinue").asBoolean(true));
    }

    private static float num(JsonNode n) {
        return n == null || n.isNull() ? Float.NaN : (float) n.asDouble();
    }

    private static double dbl(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static List<double[]> ring(JsonNode ring, String where) {
        if (!ring.isArray() || ring.size() < 3) {
            throw new QgcFileException(where + ": expected at least 3 vertices [lat, lon]");
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            JsonNode v = ring.get(i);
            if (!v.isArray() || v.size() < 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                throw new QgcFileException(where + " vertex " + (i + 1) + ": expected [lat, lon]");
            }
            out.add(new double[] {v.get(0).asDouble(), v.get(1).asDouble()});
        }
        return out;
    }
}
