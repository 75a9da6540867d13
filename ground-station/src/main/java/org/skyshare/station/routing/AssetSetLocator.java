package org.skyshare.station.routing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.station.alert.GeoPoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Locates hazards among the planner's assets, in metres on the area's UTM projection. A river is a
 * centre line with a normal width: inside its banks within half that width of the line, and its
 * distance is measured to the banks, so "a flood beyond the banks" is outside river but near it.
 * The grid cell owner is the agency of the innermost forest containing the hazard until the
 * planner's grid cells carry owners.
 */
public final class AssetSetLocator implements HazardLocator {
    private static final GeometryFactory GF = new GeometryFactory();
    private final LocalProjection projection;
    private final List<Located> assets = new ArrayList<>();

    private record Located(Asset asset, Geometry local, PreparedGeometry prepared, double halfWidthM) {
    }

    public AssetSetLocator(AssetSet set) {
        this.projection = set.isEmpty() ? LocalProjection.at(0, 0) : LocalProjection.forArea(set.bounds());
        for (Asset a : set.all()) {
            Geometry local = projection.toLocal(a.geometry());
            double half = a.kind() == AssetKind.RIVER ? a.normalWidthM().orElse(0) / 2 : 0;
            assets.add(new Located(a, local, PreparedGeometryFactory.prepare(local), half));
        }
    }

    @Override
    public HazardSite locate(GeoPoint position) {
        Coordinate c = projection.toLocal(position.lonDeg(), position.latDeg());
        Point p = GF.createPoint(c);
        Set<String> inside = new HashSet<>();
        Map<String, Double> distance = new HashMap<>();
        String owner = null;
        double ownerArea = Double.MAX_VALUE;
        for (Located l : assets) {
            String kind = l.asset().kind().code();
            double d;
            boolean in;
            if (l.local() instanceof Polygonal) {
                in = l.prepared().covers(p);
                d = in ? 0 : l.local().distance(p);
            } else {
                double raw = l.local().distance(p);
                in = l.halfWidthM() > 0 && raw <= l.halfWidthM();
                d = Math.max(0, raw - l.halfWidthM());
            }
            if (in) {
                inside.add(kind);
                if (l.asset().kind() == AssetKind.FOREST && l.local().getArea() < ownerArea
                        && !l.asset().agency().isBlank()) {
                    owner = l.asset().agency();
                    ownerArea = l.local().getArea();
                }
            }
            distance.merge(kind, d, Math::min);
        }
        return new HazardSite(owner, inside, distance);
    }
}
