package org.skyshare.station.link;

import java.util.List;

/** A geofence polygon: exclusion (a no-fly zone) or inclusion (the area the vehicle must stay in). */
public record FenceZone(List<GeoPoint> vertices, boolean inclusion) {
    public FenceZone {
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("a fence polygon needs at least 3 vertices, got " + vertices.size());
        }
        vertices = List.copyOf(vertices);
    }

    public static FenceZone exclusion(List<GeoPoint> vertices) {
        return new FenceZone(vertices, false);
    }
}
