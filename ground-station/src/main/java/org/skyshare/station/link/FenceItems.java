package org.skyshare.station.link;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.List;

/** Fence polygons as MAV_MISSION_TYPE_FENCE items: one vertex item each, param1 = the polygon's vertex count. */
public final class FenceItems {
    private FenceItems() {
    }

    public static List<MissionItem> toItems(List<FenceZone> zones) {
        List<MissionItem> items = new ArrayList<>();
        for (FenceZone z : zones) {
            List<GeoPoint> v = new ArrayList<>(z.vertices());
            if (v.size() > 3 && v.get(0).equals(v.get(v.size() - 1))) {
                v.remove(v.size() - 1); // closed GeoJSON rings repeat the first vertex; the fence must not
            }
            int cmd = z.inclusion() ? MavCmd.NAV_FENCE_POLYGON_VERTEX_INCLUSION : MavCmd.NAV_FENCE_POLYGON_VERTEX_EXCLUSION;
            for (GeoPoint p : v) {
                items.add(new MissionItem(items.size(), 0, cmd, v.size(), 0, 0, 0, p.latDeg(), p.lonDeg(), 0, true));
            }
        }
        return items;
    }
}
