package org.skyshare.planner.export;

import org.locationtech.jts.geom.Coordinate;
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
 * SimpleItems and the no-fly zones as exclusion polygons of the geofence (zones with holes cut into
 * hole-free pieces, see {@link FenceRings}).
 */
public final class QgcPlanWriter {
    private QgcPlanWriter() {
    }

    public static Map<String, Object> plan(Plan plan, Sortie sortie, AircraftProfile aircraft) {
        return plan(plan, sortie, aircraft, QgcStyle.SURVEY);
    }

    public static Map<String, Object> plan(Plan plan, Sortie sortie, AircraftProfile aircraft, QgcStyle style) {
        MissionItems.Traced traced = MissionItems.traced(sortie, aircraft.autopilot());
        List<MissionItem> items = traced.items();
        List<Object> qgcItems = new ArrayList<>();
        List<String> runs = style == QgcStyle.SURVEY ? QgcPatterns.runs(plan, sortie) : null;
        int i = 0;
        while (i < items.size()) {
            String run = runs == null ? null : runs.get(traced.waypointIndex().get(i));
            if (run == null) {
                qgcItems.add(simpleItem(items.get(i)));
                i++;
                continue;
            }
            int j = i;
            while (j < items.size() && run.equals(runs.get(traced.waypointIndex().get(j)))) {
                j++;
            }
            if (items.subList(i, j).stream().filter(MissionItem::hasPosition).count() < 2) {
                // too short to draw as a pattern: plain items
                for (MissionItem m : items.subList(i, j)) {
                    qgcItems.add(simpleItem(m));
                }
                i = j;
                continue;
            }
            List<Map<String, Object>> inner = new ArrayList<>();
            for (MissionItem m : items.subList(i, j)) {
                inner.add(simpleItem(m));
            }
            qgcItems.add(QgcPatterns.complexItem(plan, run, items.subList(i, j), inner));
            i = j;
        }
        Waypoint home = sortie.waypoints().get(0);
        Map<String, Object> mission = new LinkedHashMap<>();
        mission.put("cruiseSpeed", aircraft.cruiseSpeedMps());
        mission.put("firmwareType", firmwareType(aircraft.autopilot()));
        mission.put("globalPlanAltitudeMode", 1);
        mission.put("hoverSpeed", Math.min(5, aircraft.cruiseSpeedMps()));
        mission.put("items", qgcItems);
        mission.put("plannedHomePosition", List.of(home.latDeg(), home.lonDeg(), homeAmslM(plan, sortie)));
        mission.put("vehicleType", 2);
        mission.put("version", 2);

        List<Object> polygons = new ArrayList<>();
        for (Asset z : plan.noFlyZones()) {
            for (Polygon piece : FenceRings.holeFree(z.geometry())) {
                Coordinate[] cs = piece.getExteriorRing().getCoordinates();
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

    /** One mission item as QGC saves a SimpleItem (MissionItem::save): params 1-7, NaN as null. */
    static Map<String, Object> simpleItem(MissionItem m) {
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("autoContinue", m.autocontinue());
        it.put("command", m.command());
        it.put("doJumpId", m.seq() + 1);
        it.put("frame", m.frame());
        // params 5-7 as the item has them: for a command without position they carry values too
        // (DO_MOUNT_CONTROL's mount mode is param7)
        it.put("params", java.util.Arrays.asList(MissionItems.num(m.param1()), MissionItems.num(m.param2()), MissionItems.num(m.param3()),
                MissionItems.num(m.param4()), m.latDeg(), m.lonDeg(), MissionItems.num(m.altM())));
        it.put("type", "SimpleItem");
        if (m.hasPosition()) {
            it.put("Altitude", m.altM());
            it.put("AltitudeMode", 1);
            it.put("AMSLAltAboveTerrain", null);
        }
        return it;
    }

    /** QGC's firmwareType is a MAV_AUTOPILOT id: 3 ArduPilot, 12 PX4 (the simulator speaks PX4), 0 generic for the rest. */
    public static int firmwareType(Autopilot autopilot) {
        return switch (autopilot) {
            case ARDUPILOT -> 3;
            case PX4, SIM -> 12;
            case DJI, AUTEL -> 0;
        };
    }

    /** The dock's pad above mean sea level, 0 when the plan does not know it (QGC's own default). */
    static double homeAmslM(Plan plan, Sortie sortie) {
        return plan.docks().stream().filter(d -> d.id().equals(sortie.dockId()) && d.groundKnown())
                .mapToDouble(d -> d.groundAmslM()).findFirst().orElse(0);
    }
}
