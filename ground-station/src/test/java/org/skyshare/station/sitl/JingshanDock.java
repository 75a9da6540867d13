package org.skyshare.station.sitl;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.link.FenceZone;
import org.skyshare.station.link.GeoPoint;
import org.skyshare.station.link.Position;

import java.util.ArrayList;
import java.util.List;

/** The dock the firmware tests fly from (dock-jingshan-sub) and the shortest sortie that proves a point. */
public final class JingshanDock {
    public static final String ID = "dock-jingshan-sub";
    public static final double LAT = 30.3660605;
    public static final double LON = 119.7550211;
    public static final double ALT_AMSL_M = 20;
    public static final double M_PER_DEG_LAT = 111_320.0;
    public static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(LAT));

    private JingshanDock() {
    }

    /**
     * Take-off, two waypoints (east, then north of that), back to the dock. No DO item right after
     * a NAV item: ArduCopter keeps one pending MISSION_ITEM_REACHED, so the take-off's report would
     * be overwritten by an immediate DO item's (the station also follows MISSION_CURRENT, which
     * loses nothing).
     */
    public static List<MissionItem> shortSortie(double legM, float altM) {
        return shortSortie(LAT, LON, legM, altM);
    }

    /** The same sortie from another home (PX4's SIH starts where its SIH_LOC_* parameters put it). */
    public static List<MissionItem> shortSortie(double lat, double lon, double legM, float altM) {
        double mPerDegLon = M_PER_DEG_LAT * Math.cos(Math.toRadians(lat));
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(0, 3, MavCmd.NAV_TAKEOFF, 0, 0, 0, 0, lat, lon, altM, true));
        items.add(new MissionItem(1, 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, Float.NaN, lat, lon + legM / mPerDegLon, altM, true));
        items.add(new MissionItem(2, 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, Float.NaN, lat + legM / M_PER_DEG_LAT,
                lon + legM / mPerDegLon, altM, true));
        items.add(new MissionItem(3, 2, MavCmd.NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        return items;
    }

    /** A no-fly square 150 m west of the dock, away from the route. */
    public static List<FenceZone> noFlyWest() {
        double w = LON - 150 / M_PER_DEG_LON;
        double d = 40 / M_PER_DEG_LON;
        double n = 40 / M_PER_DEG_LAT;
        return List.of(FenceZone.exclusion(List.of(new GeoPoint(LAT - n, w - d), new GeoPoint(LAT - n, w + d),
                new GeoPoint(LAT + n, w + d), new GeoPoint(LAT + n, w - d))));
    }

    public static double distanceM(Position p) {
        return distanceM(p, LAT, LON);
    }

    public static double distanceM(Position p, double lat, double lon) {
        return Math.hypot((p.latDeg() - lat) * M_PER_DEG_LAT, (p.lonDeg() - lon) * M_PER_DEG_LAT * Math.cos(Math.toRadians(lat)));
    }

    public static double northM(Position p) {
        return (p.latDeg() - LAT) * M_PER_DEG_LAT;
    }
}
