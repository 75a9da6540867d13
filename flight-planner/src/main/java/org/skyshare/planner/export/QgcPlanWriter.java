package org.skyshare.planner.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.Autopilot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sortie as a QGroundControl plan file (fileType Plan, version 1): the mission items as
 * SimpleItems and the no-fly zones as exclusion polygons of the geofence.
 */
public final class QgcPlanWriter {
    private QgcPlanWriter() {
    }

    public static Map<String, Object> plan(Plan plan, Sortie sortie, AircraftProfile aircraft) {
        List<MissionItem> items = MissionItems.of(sortie, aircraft.autopilot());
        List<Object> qgcItems = new ArrayList<>();
        for (MissionItem m : items) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("autoContinue", m.autocontinue());
            it.put("command", m.command());
            it.put("doJumpId", m.seq() + 1);
            it.put("frame", m.frame());
            boolean pos = m.hasPosition();
            it.put("params", java.util.Arrays.asList(MissionItems.num(m.param1()), MissionItems.num(m.param2()), MissionItems.num(m.param3()),
                    MissionItems.num(m.param4()), pos ? m.latDeg() : 0, pos ? m.lonDeg() : 0, pos ? (double) m.altM() : 0));
            it.put("type", "SimpleItem");
            if (pos) {
                it.put("Altitude", m.altM());
                it.put("AltitudeMode", 1);
                it.put("AMSLAltAboveTerrain", null);
            }
            qgcItems.add(it);
        }
        Waypoint home = sortie.waypoints().get(0);
        Map<String, Object> mission = new LinkedHashMap<>();
        mission.put("cruiseSpeed", aircraft.cruiseSpeedMps());
        mission.put("firmwareType", aircraft.autopilot() == Autopilot.ARDUPILOT ? 3 : 12);
        mission.put("globalPlanAltitudeMode", 1);
        mission.put("hoverSpeed", Math.min(5, aircraft.cruiseSpeedMps()));
        mission.put("items", qgcItems);
        mission.put("plannedHomePosition", List.of(home.latDeg(), home.lonDeg(), 0));
        mission.put("vehicleType", 2);
        mission.put("version", 2);

        List<Object> polygons = new ArrayList<>();
        for (Asset z : plan.noFlyZones()) {
            Geometry g = z.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Coordinate[] cs = ((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinates();
                List<Object> ring = new ArrayList<>();
                for (int j = 0; j < cs.length - 1; j++) {
                    ring.add(List.of(cs[j].y, cs[j].x));
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("inclusion", false);
                p.put("polygon", ring);
                p.put("version", 1);
                polygons.add(p);
            }
        }
        Map<String, Object> fence = new LinkedHashMap<>();
        fence.put("circles", List.of());
        fence.put("polygons", polygons);
        fence.put("version", 2);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fileType", "Plan");
        root.put("geoFence", fence);
        root.put("groundStation", "Skyshare");
        root.put("mission", mission);
        root.put("rallyPoints", Map.of("points", List.of(), "version", 2));
        root.put("version", 1);
        return root;
    }
}
