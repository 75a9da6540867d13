package org.skyshare.planner.qgc;

import org.skyshare.planner.mission.MissionItem;

import java.util.List;

/**
 * What a QGroundControl plan file holds, as Skyshare uses it: the mission as MAVLink items in
 * flying order (pattern items expanded into the items QGC saved for them), the geofence and the
 * rally points. Coordinates are WGS84 degrees.
 *
 * @param homeLatDeg  planned home position (NaN when the file has none)
 * @param homeAltAmslM planned home altitude above mean sea level, as QGC stores it
 * @param firmwareType MAV_AUTOPILOT id the plan was made for (3 ArduPilot, 12 PX4, 0 generic)
 */
public record QgcPlanFile(
        String source,
        int firmwareType,
        double homeLatDeg,
        double homeLonDeg,
        double homeAltAmslM,
        List<MissionItem> missionItems,
        List<FencePolygon> fencePolygons,
        List<FenceCircle> fenceCircles,
        List<RallyPoint> rallyPoints) {

    public QgcPlanFile {
        missionItems = List.copyOf(missionItems);
        fencePolygons = List.copyOf(fencePolygons);
        fenceCircles = List.copyOf(fenceCircles);
        rallyPoints = List.copyOf(rallyPoints);
    }

    /** A geofence polygon: inclusion (stay inside) or exclusion (stay out); vertices as [lat, lon] without repeating the first. */
    public record FencePolygon(boolean inclusion, List<double[]> latLonDeg) {
        public FencePolygon {
            latLonDeg = List.copyOf(latLonDeg);
        }
    }

    public record FenceCircle(boolean inclusion, double latDeg, double lonDeg, double radiusM) {
    }

    /** A rally (safe landing) point; altitude relative to home, as QGC stores it. */
    public record RallyPoint(double latDeg, double lonDeg, double altM) {
    }
}
