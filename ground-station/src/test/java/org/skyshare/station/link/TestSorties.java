package org.skyshare.station.link;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Survey sorties for tests: a boustrophedon of waypoints next to a dock, ending with a return to
 * the dock. Stands in for the planner's sorties with the same item shapes (takeoff, waypoints, RTL).
 */
public final class TestSorties {
    private TestSorties() {
    }

    /** lines x pointsPerLine waypoints, spacingM apart along a line, lineSpacingM between lines, starting 100 m east of the dock. */
    public static List<MissionItem> lawnmower(double dockLat, double dockLon, int lines, int pointsPerLine, double spacingM,
                                       double lineSpacingM, float altM) {
        double mPerDegLat = 111_320.0;
        double mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(dockLat));
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(0, 3, MavCmd.NAV_TAKEOFF, 0, 0, 0, 0, dockLat, dockLon, altM, true));
        items.add(new MissionItem(1, 2, MavCmd.DO_CHANGE_SPEED, 1, 10, -1, 0, 0, 0, 0, true));
        for (int line = 0; line < lines; line++) {
            for (int k = 0; k < pointsPerLine; k++) {
                int along = line % 2 == 0 ? k : pointsPerLine - 1 - k;
                double east = 100 + line * lineSpacingM;
                double north = along * spacingM;
                items.add(new MissionItem(items.size(), 3, MavCmd.NAV_WAYPOINT, 0, 0, 0, Float.NaN,
                        dockLat + north / mPerDegLat, dockLon + east / mPerDegLon, altM, true));
            }
        }
        items.add(new MissionItem(items.size(), 2, MavCmd.NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0, true));
        return items;
    }
}
