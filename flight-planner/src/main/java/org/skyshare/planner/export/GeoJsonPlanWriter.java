package org.skyshare.planner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;

import java.io.IOException;

/**
 * The plan as an RFC 7946 FeatureCollection (WGS84, no crs member, counter-clockwise outer rings): grid cells, sortie lines and tower
 * inspection points, each with a {@code kind} property.
 */
public final class GeoJsonPlanWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    private GeoJsonPlanWriter() {
    }

    public static ObjectNode collection(Plan plan) {
        GeoJsonWriter gw = new GeoJsonWriter(7);
        gw.setEncodeCRS(false);
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (GridCell c : plan.grid().cells()) {
            ObjectNode p = feature(features, gw, c.outline());
            p.put("kind", "cell");
            p.put("id", c.id());
            p.put("owner", c.owner());
            c.agencies().forEach(p.withArray("agencies")::add);
        }
        for (Sortie s : plan.sorties()) {
            Coordinate[] cs = s.waypoints().stream().map(w -> new Coordinate(w.lonDeg(), w.latDeg())).toArray(Coordinate[]::new);
            if (cs.length < 2) {
                continue;
            }
            ObjectNode p = feature(features, gw, GF.createLineString(cs));
            p.put("kind", "sortie");
            p.put("id", s.id());
            p.put("dock", s.dockId());
            p.put("aircraft", s.aircraftId());
            p.put("flight_time_s", PlanJson.round(s.flightTimeS()).doubleValue());
            p.put("length_m", PlanJson.round(s.lengthM()).doubleValue());
            s.agencies().forEach(p.withArray("agencies")::add);
            for (Waypoint w : s.waypoints()) {
                if (w.action() == WaypointAction.INSPECT) {
                    ObjectNode q = feature(features, gw, GF.createPoint(new Coordinate(w.lonDeg(), w.latDeg())));
                    q.put("kind", "inspection");
                    q.put("sortie", s.id());
                    q.put("alt_m", w.altM());
                    q.put("gimbal_pitch_deg", w.gimbalPitchDeg());
                    q.put("heading_deg", w.headingDeg());
                    w.agencies().forEach(q.withArray("agencies")::add);
                }
            }
        }
        return root;
    }

    private static ObjectNode feature(ArrayNode features, GeoJsonWriter gw, Geometry g) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        try {
            JsonNode geom = JSON.readTree(gw.write(RightHandRule.orient(g)));
            f.set("geometry", geom);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return f.putObject("properties");
    }
}
