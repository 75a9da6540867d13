package org.skyshare.sim.world;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Land cover rasterised lazily in square tiles at {@link #CELL_M}. A camera sweeping over the area
 * pays for each tile once; within a tile a pixel costs an array read. Whole tiles inside one forest
 * (the common case) are filled without testing each cell.
 */
public final class LandCoverRaster {
    public static final double CELL_M = 0.5;
    public static final int TILE_CELLS = 128;
    public static final double TILE_M = CELL_M * TILE_CELLS;
    private static final double EDGE_MARGIN_M = CELL_M * 0.75;
    /** At most this many tiles are kept (16 KB each, 64 MB in all). */
    static final int MAX_TILES = 4096;
    private static final byte[][] UNIFORM = new byte[LandCover.values().length][];

    static {
        for (LandCover c : LandCover.values()) {
            UNIFORM[c.ordinal()] = new byte[TILE_CELLS * TILE_CELLS];
            java.util.Arrays.fill(UNIFORM[c.ordinal()], (byte) c.ordinal());
        }
    }

    private final World world;
    private final ConcurrentHashMap<Long, byte[]> tiles = new ConcurrentHashMap<>();
    private final List<IndexedPointInAreaLocator> forestLocators = new ArrayList<>();
    private final GeometryFactory gf = new GeometryFactory();

    LandCoverRaster(World world) {
        this.world = world;
        for (Polygon p : world.forests()) {
            forestLocators.add(new IndexedPointInAreaLocator(p));
        }
    }

    public LandCover at(double x, double y) {
        int tx = (int) Math.floor(x / TILE_M);
        int ty = (int) Math.floor(y / TILE_M);
        byte[] t = tile(tx, ty);
        int cx = (int) ((x - tx * TILE_M) / CELL_M);
        int cy = (int) ((y - ty * TILE_M) / CELL_M);
        return LandCover.of(t[Math.min(TILE_CELLS - 1, cy) * TILE_CELLS + Math.min(TILE_CELLS - 1, cx)]);
    }

    /** A reader for one thread that remembers the last tile it used. */
    public Cursor cursor() {
        return new Cursor();
    }

    public int cachedTiles() {
        return tiles.size();
    }

    byte[] tile(int tx, int ty) {
        long key = ((long) tx << 32) ^ (ty & 0xffffffffL);
        byte[] t = tiles.get(key);
        if (t == null) {
            if (tiles.size() >= MAX_TILES) {
                // a long run over a large area: forget a share of the tiles (they are rebuilt if seen again)
                Iterator<Long> it = tiles.keySet().iterator();
                for (int i = 0; i < MAX_TILES / 8 && it.hasNext(); i++) {
                    it.next();
                    it.remove();
                }
            }
            t = build(tx, ty);
            byte[] prev = tiles.putIfAbsent(key, t);
            if (prev != null) {
                t = prev;
            }
        }
        return t;
    }

    // JTS locators build their index lazily and are not safe to share; tiles are built rarely
    private synchronized byte[] build(int tx, int ty) {
        double x0 = tx * TILE_M;
        double y0 = ty * TILE_M;
        double x1 = x0 + TILE_M;
        double y1 = y0 + TILE_M;
        byte[] cells = new byte[TILE_CELLS * TILE_CELLS];
        Envelope env = new Envelope(x0, x1, y0, y1);
        Geometry rect = gf.toGeometry(env);
        List<IndexedPointInAreaLocator> partial = new ArrayList<>();
        byte base = (byte) LandCover.GRASS.ordinal();
        List<Polygon> forests = world.forests();
        for (int i = 0; i < forests.size(); i++) {
            Polygon f = forests.get(i);
            if (!f.getEnvelopeInternal().intersects(env)) {
                continue;
            }
            if (f.covers(rect)) {
                base = (byte) LandCover.FOREST.ordinal();
            } else if (f.intersects(rect)) {
                partial.add(forestLocators.get(i));
            }
        }
        java.util.Arrays.fill(cells, base);
        double[] near = new double[2];
        Coordinate c = new Coordinate();
        List<Road> corridors = relevant(world.corridors(), x0, y0, x1, y1);
        List<Road> roads = relevant(world.roads(), x0, y0, x1, y1);
        List<River> rivers = new ArrayList<>();
        double cxm = (x0 + x1) / 2;
        double cym = (y0 + y1) / 2;
        double halfDiagonal = TILE_M * Math.sqrt(0.5);
        for (River r : world.rivers()) {
            if (!r.centreLine().farFromBox(x0, y0, x1, y1, r.maxWidthM())
                    && r.centreLine().distanceM(cxm, cym) <= r.maxWidthM() / 2 + halfDiagonal) {
                rivers.add(r);
            }
        }
        List<Building> buildings = new ArrayList<>();
        for (Building b : world.buildings()) {
            if (nearBox(b.centre(), b.boundingRadiusM(), x0, y0, x1, y1)) {
                buildings.add(b);
            }
        }
        List<LocalFrame.XY> towers = near(world.towers(), World.TOWER_SIZE_M, x0, y0, x1, y1);
        List<LocalFrame.XY> pads = near(world.pads(), World.PAD_SIZE_M, x0, y0, x1, y1);
        boolean anything = !partial.isEmpty() || !corridors.isEmpty() || !roads.isEmpty() || !rivers.isEmpty()
                || !buildings.isEmpty() || !towers.isEmpty() || !pads.isEmpty();
        if (!anything) {
            return UNIFORM[base]; // most tiles are all forest or all grass: share one array
        }
        for (int cy = 0; cy < TILE_CELLS; cy++) {
            double y = y0 + (cy + 0.5) * CELL_M;
            for (int cx = 0; cx < TILE_CELLS; cx++) {
                double x = x0 + (cx + 0.5) * CELL_M;
                LandCover cover = LandCover.of(cells[cy * TILE_CELLS + cx]);
                if (!partial.isEmpty()) {
                    c.x = x;
                    c.y = y;
                    for (IndexedPointInAreaLocator loc : partial) {
                        if (loc.locate(c) != Location.EXTERIOR) {
                            cover = LandCover.FOREST;
                            break;
                        }
                    }
                }
                if (cover == LandCover.FOREST) {
                    for (Road r : corridors) {
                        if (r.line().distanceM(x, y) <= r.widthM() / 2) {
                            cover = LandCover.GRASS;
                            break;
                        }
                    }
                }
                for (Road r : roads) {
                    if (r.line().distanceM(x, y) <= r.widthM() / 2) {
                        cover = LandCover.ROAD;
                        break;
                    }
                }
                for (River r : rivers) {
                    r.centreLine().nearest(x, y, near);
                    if (near[0] <= r.normalWidthM() / 2) {
                        cover = LandCover.WATER;
                    } else if (near[0] <= r.waterWidthM(near[1]) / 2) {
                        cover = LandCover.FLOOD_WATER;
                    }
                }
                for (Building b : buildings) {
                    // cells touching the outline are marked; the cameras test the exact outline
                    if (b.contains(x, y, EDGE_MARGIN_M)) {
                        cover = LandCover.ROOF;
                    }
                }
                if (inSquare(towers, World.TOWER_SIZE_M, x, y)) {
                    cover = LandCover.TOWER;
                }
                if (inSquare(pads, World.PAD_SIZE_M, x, y)) {
                    cover = LandCover.PAD;
                }
                cells[cy * TILE_CELLS + cx] = (byte) cover.ordinal();
            }
        }
        return cells;
    }

    private static boolean inSquare(List<LocalFrame.XY> centres, double sizeM, double x, double y) {
        for (LocalFrame.XY p : centres) {
            if (Math.abs(x - p.eastM()) <= sizeM / 2 && Math.abs(y - p.northM()) <= sizeM / 2) {
                return true;
            }
        }
        return false;
    }

    private static List<Road> relevant(List<Road> roads, double x0, double y0, double x1, double y1) {
        List<Road> out = new ArrayList<>();
        double halfDiagonal = (x1 - x0) * Math.sqrt(0.5);
        for (Road r : roads) {
            if (!r.line().farFromBox(x0, y0, x1, y1, r.widthM())
                    && r.line().distanceM((x0 + x1) / 2, (y0 + y1) / 2) <= r.widthM() / 2 + halfDiagonal) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<LocalFrame.XY> near(List<LocalFrame.XY> pts, double sizeM, double x0, double y0, double x1, double y1) {
        List<LocalFrame.XY> out = new ArrayList<>();
        for (LocalFrame.XY p : pts) {
            if (nearBox(p, sizeM, x0, y0, x1, y1)) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean nearBox(LocalFrame.XY p, double r, double x0, double y0, double x1, double y1) {
        return p.eastM() + r >= x0 && p.eastM() - r <= x1 && p.northM() + r >= y0 && p.northM() - r <= y1;
    }

    /** Not thread-safe: one per rendering thread. */
    public final class Cursor {
        private int lastTx = Integer.MIN_VALUE;
        private int lastTy = Integer.MIN_VALUE;
        private byte[] last;

        public LandCover at(double x, double y) {
            double fx = x / TILE_M;
            double fy = y / TILE_M;
            int tx = (int) Math.floor(fx);
            int ty = (int) Math.floor(fy);
            if (tx != lastTx || ty != lastTy) {
                last = tile(tx, ty);
                lastTx = tx;
                lastTy = ty;
            }
            int cx = Math.min(TILE_CELLS - 1, (int) ((fx - tx) * TILE_CELLS));
            int cy = Math.min(TILE_CELLS - 1, (int) ((fy - ty) * TILE_CELLS));
            return LandCover.of(last[cy * TILE_CELLS + cx]);
        }
    }
}
