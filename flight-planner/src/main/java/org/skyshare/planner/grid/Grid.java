package org.skyshare.planner.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.geo.LocalProjection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Square cells aligned to the UTM grid of the area, kept where an asset lies. Cells carry their owner
 * so that every finding and every waypoint knows its cell. Build it alone ({@link #build}) to route
 * alerts without planning.
 */
public final class Grid {
    public static final String NO_OWNER = "grid";
    /** Lines and towers count as a corridor this wide on each side when weighing owners. */
    private static final double LINE_HALF_WIDTH_M = 50;

    private final LocalProjection projection;
    private final double cellSizeM;
    private final Map<Long, GridCell> cells;

    private Grid(LocalProjection projection, double cellSizeM, Map<Long, GridCell> cells) {
        this.projection = projection;
        this.cellSizeM = cellSizeM;
        this.cells = cells;
    }

    public static Grid build(AssetSet assets, double cellSizeM) {
        return build(assets, cellSizeM, LocalProjection.forArea(assets.bounds()));
    }

    public static Grid build(AssetSet assets, double cellSizeM, LocalProjection projection) {
        if (!(cellSizeM >= 10)) {
            throw new IllegalArgumentException("grid cell size must be at least 10 m, got " + cellSizeM);
        }
        GeometryFactory gf = new GeometryFactory();
        Map<Long, Map<String, Double>> weights = new TreeMap<>();
        for (Asset a : assets.all()) {
            if (a.kind() == AssetKind.NO_FLY || a.kind() == AssetKind.DOCK) {
                continue;
            }
            Geometry g = projection.toLocal(a.geometry());
            if (g.getDimension() < 2) {
                double half = a.kind() == AssetKind.RIVER ? Math.max(LINE_HALF_WIDTH_M, a.normalWidthM().orElse(0) / 2) : LINE_HALF_WIDTH_M;
                g = g.buffer(half, 4);
            }
            PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
            Envelope e = g.getEnvelopeInternal();
            int c0 = (int) Math.floor(e.getMinX() / cellSizeM);
            int c1 = (int) Math.floor(e.getMaxX() / cellSizeM);
            int r0 = (int) Math.floor(e.getMinY() / cellSizeM);
            int r1 = (int) Math.floor(e.getMaxY() / cellSizeM);
            for (int c = c0; c <= c1; c++) {
                for (int r = r0; r <= r1; r++) {
                    Polygon cell = square(gf, c, r, cellSizeM);
                    if (!pg.intersects(cell)) {
                        continue;
                    }
                    double w = pg.containsProperly(cell) ? cell.getArea() : RectClip.area(g, cell.getEnvelopeInternal());
                    if (a.agency() != null && !a.agency().isBlank()) {
                        weights.computeIfAbsent(key(c, r), k -> new TreeMap<>()).merge(a.agency(), w, Double::sum);
                    } else {
                        weights.computeIfAbsent(key(c, r), k -> new TreeMap<>());
                    }
                }
            }
        }
        Map<Long, GridCell> cells = new TreeMap<>();
        for (var e : weights.entrySet()) {
            int c = (int) (e.getKey() >> 32);
            int r = (int) (long) e.getKey();
            String owner = NO_OWNER;
            double best = -1;
            for (var w : e.getValue().entrySet()) {
                if (w.getValue() > best + 1e-9) {
                    best = w.getValue();
                    owner = w.getKey();
                }
            }
            Polygon outline = (Polygon) projection.toWgs84(square(gf, c, r, cellSizeM));
            cells.put(e.getKey(), new GridCell(id(projection, c, r), c, r, owner, new ArrayList<>(new TreeSet<>(e.getValue().keySet())), outline));
        }
        return new Grid(projection, cellSizeM, cells);
    }

    private static String id(LocalProjection p, int c, int r) {
        return "G" + p.zone() + (p.south() ? "S" : "N") + "-" + c + "-" + r;
    }

    static Polygon square(GeometryFactory gf, int c, int r, double size) {
        return (Polygon) gf.toGeometry(new Envelope(c * size, (c + 1) * size, r * size, (r + 1) * size));
    }

    private static long key(int c, int r) {
        return ((long) c << 32) | (r & 0xffffffffL);
    }

    public double cellSizeM() {
        return cellSizeM;
    }

    public LocalProjection projection() {
        return projection;
    }

    /** Cells holding an asset, ordered by column then row. */
    public List<GridCell> cells() {
        return List.copyOf(cells.values());
    }

    /** The cell holding a WGS84 position, if it holds an asset. */
    public Optional<GridCell> cellAt(double lonDeg, double latDeg) {
        Coordinate m = projection.toLocal(lonDeg, latDeg);
        return cellAtLocal(m.x, m.y);
    }

    /** The cell holding a local position (metres), if it holds an asset. */
    public Optional<GridCell> cellAtLocal(double xM, double yM) {
        int c = (int) Math.floor(xM / cellSizeM);
        int r = (int) Math.floor(yM / cellSizeM);
        return Optional.ofNullable(cells.get(key(c, r)));
    }

    /** The square of a cell in local metres. */
    public Polygon localSquare(GridCell cell) {
        return square(new GeometryFactory(), cell.column(), cell.row(), cellSizeM);
    }
}
