package org.skyshare.station.console.map;

import java.util.List;

/**
 * One asset ready to draw: its parts (rings of a polygon, lines, or a single point) as
 * interleaved x,y world coordinates, projected once when loaded.
 *
 * @param widthM a river's normal width, drawn to scale; 0 when unknown
 */
public record MapFeature(String id, FeatureKind kind, String name, String owner, List<double[]> parts,
                         boolean polygon, double widthM, Bounds bounds) {

    public MapFeature {
        parts = List.copyOf(parts);
    }

    public static MapFeature of(String id, FeatureKind kind, String name, String owner, List<double[]> parts,
                                boolean polygon, double widthM) {
        Bounds b = Bounds.EMPTY;
        for (double[] p : parts) {
            b = b.union(Bounds.of(p));
        }
        return new MapFeature(id, kind, name, owner, parts, polygon, widthM, b);
    }

    public boolean isPoint() {
        return !polygon && parts.size() == 1 && parts.get(0).length == 2;
    }

    public double x() {
        return parts.get(0)[0];
    }

    public double y() {
        return parts.get(0)[1];
    }
}
