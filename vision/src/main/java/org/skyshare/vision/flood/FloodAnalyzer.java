package org.skyshare.vision.flood;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Flooded area from a water mask: the mask is cut into cells, runs of water cells along each cell row become
 * quadrilaterals on the ground (their corners mapped by the {@link PixelToGround}; straight edges stay straight
 * over flat ground), the union is the water footprint, and what lies beyond the river's normal extent grown by a
 * margin is the flood. Patches smaller than {@code minPatchM2} are dropped: a single mis-segmented cell far away
 * must not raise a flood alert. So are patches further than {@code maxGapM} from the grown normal extent: a
 * river's flood water reaches the river, and water (or a mis-segmented canopy) a kilometre away is not its flood.
 */
public final class FloodAnalyzer {
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private final GroundUnits units;
    private final int cellPx;
    private final double minPatchM2;
    private final double maxGapM;
    private final GeometryFactory factory = new GeometryFactory();
    /** The last normal extent grown by its margin: the same river for every frame of a patrol. */
    private volatile GrownExtent grown;

    /** A normal extent (by identity) and margin, with its projection and the grown extent in it. */
    private record GrownExtent(Geometry normalExtent, double marginM, Projection proj, Geometry grown) {
    }

    /**
     * @param units      coordinates of the mapping and of the normal extent
     * @param cellPx     cell size in pixels (a cell is water when most of its pixels are)
     * @param minPatchM2 flooded patches smaller than this are ignored
     */
    public FloodAnalyzer(GroundUnits units, int cellPx, double minPatchM2) {
        this(units, cellPx, minPatchM2, Double.POSITIVE_INFINITY);
    }

    /**
     * @param maxGapM flooded patches further than this from the normal extent plus margin are ignored
     */
    public FloodAnalyzer(GroundUnits units, int cellPx, double minPatchM2, double maxGapM) {
        if (cellPx < 1) {
            throw new IllegalArgumentException("cell size must be at least 1 px, got " + cellPx);
        }
        if (minPatchM2 < 0) {
            throw new IllegalArgumentException("minimum patch area must not be negative, got " + minPatchM2);
        }
        this.units = units;
        this.cellPx = cellPx;
        this.minPatchM2 = minPatchM2;
        if (!(maxGapM >= 0)) {
            throw new IllegalArgumentException("maximum gap to the river must not be negative, got " + maxGapM);
        }
        this.maxGapM = maxGapM;
    }

    public FloodAnalyzer(GroundUnits units) {
        this(units, 4, 25);
    }

    /**
     * @param mask         water in the frame
     * @param toGround     pixel to ground, in {@code units}
     * @param normalExtent the river's normal extent (polygon or multipolygon) in {@code units}
     * @param marginM      how far beyond the normal banks water is still normal, metres
     */
    public FloodResult analyze(WaterMask mask, PixelToGround toGround, Geometry normalExtent, double marginM) {
        return analyze(mask, toGround, normalExtent, marginM, cellPx);
    }

    /**
     * @param cellPx cell size in pixels for this mask, instead of the analyzer's own: a caller that
     *               knows the frame's ground resolution sizes cells to a fixed ground distance
     */
    public FloodResult analyze(WaterMask mask, PixelToGround toGround, Geometry normalExtent, double marginM, int cellPx) {
        if (cellPx < 1) {
            throw new IllegalArgumentException("cell size must be at least 1 px, got " + cellPx);
        }
        if (marginM < 0) {
            throw new IllegalArgumentException("margin must not be negative, got " + marginM + " m");
        }
        if (normalExtent == null || normalExtent.isEmpty()) {
            throw new IllegalArgumentException("the river's normal extent is empty");
        }
        GrownExtent extent = grownExtent(normalExtent, marginM);
        Projection proj = extent.proj();
        Geometry water = footprint(mask, toGround, proj, cellPx);
        Geometry normal = extent.grown();
        // snap-rounding overlay: the mask's quads meet at mapped corners that plain overlay can fail on
        Geometry beyond = OverlayNGRobust.overlay(water, normal, OverlayNG.DIFFERENCE);
        List<Geometry> kept = new ArrayList<>();
        for (int i = 0; i < beyond.getNumGeometries(); i++) {
            Geometry part = beyond.getGeometryN(i);
            if (part instanceof Polygon && part.getArea() >= minPatchM2 && part.getArea() > 0
                    && (Double.isInfinite(maxGapM) || part.distance(normal) <= maxGapM)) {
                kept.add(part);
            }
        }
        Geometry flooded = kept.isEmpty() ? factory.createPolygon() : UnaryUnionOp.union(kept);
        return new FloodResult(proj.inverse(water), proj.inverse(flooded), flooded.getArea(), water.getArea());
    }

    /**
     * The same river frame after frame: its projection and grown extent are computed once per
     * extent and margin (2-4 ms a frame on the demo's creek).
     */
    private GrownExtent grownExtent(Geometry normalExtent, double marginM) {
        GrownExtent last = grown;
        if (last != null && last.normalExtent() == normalExtent && last.marginM() == marginM) {
            return last;
        }
        Coordinate origin = normalExtent.getCentroid().getCoordinate();
        Projection proj = units == GroundUnits.METRES ? Projection.identity() : Projection.localTangent(origin);
        GrownExtent fresh = new GrownExtent(normalExtent, marginM, proj, proj.forward(normalExtent).buffer(marginM));
        grown = fresh;
        return fresh;
    }

    private Geometry footprint(WaterMask mask, PixelToGround toGround, Projection proj, int cellPx) {
        int cols = (mask.width() + cellPx - 1) / cellPx;
        int rows = (mask.height() + cellPx - 1) / cellPx;
        List<Geometry> quads = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int c = 0;
            while (c < cols) {
                if (!waterCell(mask, c, r, cellPx)) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < cols && waterCell(mask, c, r, cellPx)) {
                    c++;
                }
                addRun(quads, mask, toGround, proj, start, c, r, cellPx);
            }
        }
        return quads.isEmpty() ? factory.createPolygon() : UnaryUnionOp.union(quads);
    }

    private void addRun(List<Geometry> out, WaterMask mask, PixelToGround toGround, Projection proj,
                        int c0, int c1, int r, int cellPx) {
        double y0 = r * cellPx;
        double y1 = Math.min(mask.height(), (r + 1) * cellPx);
        Polygon quad = quad(toGround, proj, c0 * cellPx, Math.min(mask.width(), c1 * cellPx), y0, y1);
        if (quad != null) {
            out.add(quad);
            return;
        }
        // part of the run looks past the horizon: keep the cells that do map
        for (int c = c0; c < c1; c++) {
            Polygon cell = quad(toGround, proj, c * cellPx, Math.min(mask.width(), (c + 1) * cellPx), y0, y1);
            if (cell != null) {
                out.add(cell);
            }
        }
    }

    private Polygon quad(PixelToGround toGround, Projection proj, double x0, double x1, double y0, double y1) {
        Coordinate a = toGround.toGround(x0, y0);
        Coordinate b = toGround.toGround(x1, y0);
        Coordinate c = toGround.toGround(x1, y1);
        Coordinate d = toGround.toGround(x0, y1);
        if (a == null || b == null || c == null || d == null) {
            return null;
        }
        Polygon p = factory.createPolygon(new Coordinate[] {
                proj.forward(a), proj.forward(b), proj.forward(c), proj.forward(d), proj.forward(a)});
        return p.isValid() && p.getArea() > 0 ? p : null;
    }

    private static boolean waterCell(WaterMask mask, int c, int r, int cellPx) {
        int x0 = c * cellPx, y0 = r * cellPx;
        int x1 = Math.min(mask.width(), x0 + cellPx), y1 = Math.min(mask.height(), y0 + cellPx);
        int water = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (mask.isWater(x, y)) {
                    water++;
                }
            }
        }
        return 2 * water > (x1 - x0) * (y1 - y0);
    }

    /** Equirectangular projection about the extent's centroid: sub-metre over the few km one frame covers. */
    private record Projection(double lon0, double lat0, double metresPerDegLon, double metresPerDegLat,
                              boolean unchanged) {
        static Projection identity() {
            return new Projection(0, 0, 1, 1, true);
        }

        static Projection localTangent(Coordinate origin) {
            double perDeg = Math.toRadians(1) * EARTH_RADIUS_M;
            return new Projection(origin.x, origin.y, perDeg * Math.cos(Math.toRadians(origin.y)), perDeg, false);
        }

        Coordinate forward(Coordinate c) {
            return unchanged ? new Coordinate(c.x, c.y)
                    : new Coordinate((c.x - lon0) * metresPerDegLon, (c.y - lat0) * metresPerDegLat);
        }

        Geometry forward(Geometry g) {
            return transform(g, c -> c.setCoordinate(forward(c)));
        }

        Geometry inverse(Geometry g) {
            return transform(g, c -> c.setCoordinate(
                    new Coordinate(c.x / metresPerDegLon + lon0, c.y / metresPerDegLat + lat0)));
        }

        private Geometry transform(Geometry g, CoordinateFilter filter) {
            if (unchanged) {
                return g;
            }
            Geometry copy = g.copy();
            copy.apply(filter);
            copy.geometryChanged();
            return copy;
        }
    }
}
