package org.skyshare.station.fleet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.station.link.FenceZone;
import org.skyshare.station.link.GeoPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The no-fly zones of an asset set as geofence exclusion polygons, uploaded to every drone before
 * flight so the autopilot itself refuses to enter them. Holes in a no-fly zone are not uploaded:
 * the fence is the whole outline, the cautious reading.
 */
public final class NoFlyFence {
    private NoFlyFence() {
    }

    public static List<FenceZone> of(AssetSet assets) {
        List<FenceZone> zones = new ArrayList<>();
        for (Asset a : assets.noFlyZones()) {
            Geometry g = a.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    List<GeoPoint> vertices = new ArrayList<>();
                    for (Coordinate c : p.getExteriorRing().getCoordinates()) {
                        vertices.add(new GeoPoint(c.y, c.x));
                    }
                    if (vertices.size() > 3 && vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
                        vertices.remove(vertices.size() - 1);
                    }
                    zones.add(FenceZone.exclusion(vertices));
                }
            }
        }
        return zones;
    }
}
