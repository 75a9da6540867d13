package org.skyshare.station.patrol;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.grid.Grid;
import org.skyshare.planner.grid.GridCell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a patrol flies, as assets the planner can take: the targets it names (an asset id, every
 * asset of a kind with {@code kind:forest}, or the forests and rivers inside a grid cell with
 * {@code cell:<id>}), plus every dock and no-fly zone so the sorties start at docks and keep out of
 * the zones. A patrol over two cells is planned over those two cells only, the way a dock's task
 * flies its own route rather than a slice of the whole area's plan.
 */
public final class PatrolArea {
    private PatrolArea() {
    }

    /**
     * @throws IllegalArgumentException naming the patrol and target when a target matches nothing
     */
    public static AssetSet select(PatrolDefinition patrol, AssetSet assets, Grid grid) {
        Map<String, Asset> chosen = new LinkedHashMap<>();
        for (String target : patrol.targets()) {
            List<Asset> found = target.startsWith("cell:") ? clippedToCell(target.substring(5), assets, grid)
                    : target.startsWith("kind:") ? ofKind(target.substring(5), assets)
                    : assets.byId(target).map(List::of).orElse(List.of());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("patrol " + patrol.id() + ": target '" + target + "' matches nothing in the assets"
                        + (target.startsWith("cell:") ? " (no forest or river lies in that grid cell)" : ""));
            }
            for (Asset a : found) {
                chosen.merge(a.id(), a, PatrolArea::union);
                if (a.kind() == AssetKind.POWER_LINE) {
                    assets.towersOf(a.id()).forEach(t -> chosen.putIfAbsent(t.id(), t));
                }
            }
        }
        List<Asset> out = new ArrayList<>(chosen.values());
        out.addAll(assets.docks());
        out.addAll(assets.noFlyZones());
        return AssetSet.of(out);
    }

    private static List<Asset> ofKind(String code, AssetSet assets) {
        Optional<AssetKind> kind = AssetKind.fromCode(code);
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("unknown asset kind '" + code + "' in kind:" + code + "; expected one of " + AssetKind.codes());
        }
        return assets.ofKind(kind.get());
    }

    private static List<Asset> clippedToCell(String cellId, AssetSet assets, Grid grid) {
        GridCell cell = grid.cells().stream().filter(c -> c.id().equals(cellId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grid cell '" + cellId + "' is not in the area's grid (cells are named like "
                        + grid.cells().stream().findFirst().map(GridCell::id).orElse("G50N-769-3365") + ")"));
        List<Asset> out = new ArrayList<>();
        for (Asset a : assets.all()) {
            if (a.kind() != AssetKind.FOREST && a.kind() != AssetKind.RIVER) {
                continue;
            }
            if (!a.geometry().intersects(cell.outline())) {
                continue;
            }
            Geometry part = OverlayNGRobust.overlay(a.geometry(), cell.outline(), OverlayNG.INTERSECTION);
            Geometry kept = a.geometry() instanceof Polygonal
                    ? a.geometry().getFactory().buildGeometry(PolygonExtracter.getPolygons(part))
                    : longestLine(part);
            if (kept != null && !kept.isEmpty()) {
                out.add(new Asset(a.id(), a.kind(), a.name(), a.agency(), a.properties(), kept));
            }
        }
        return out;
    }

    /**
     * A river centre line clipped to a cell can fall into pieces where it meanders out and back; the
     * corridor planner takes one line per river, so the longest piece stands for the cell.
     */
    private static Geometry longestLine(Geometry g) {
        LineString best = null;
        for (Object o : LinearComponentExtracter.getLines(g)) {
            LineString l = (LineString) o;
            if (best == null || l.getLength() > best.getLength()) {
                best = l;
            }
        }
        return best;
    }

    /** Two cells of one asset: one asset over both. */
    private static Asset union(Asset a, Asset b) {
        Geometry g = OverlayNGRobust.overlay(a.geometry(), b.geometry(), OverlayNG.UNION);
        if (a.geometry() instanceof Polygonal) {
            g = g.getFactory().buildGeometry(PolygonExtracter.getPolygons(g));
        } else {
            LineMerger merger = new LineMerger();
            merger.add(g);
            Geometry merged = g.getFactory().buildGeometry(merger.getMergedLineStrings());
            g = longestLine(merged);
        }
        return new Asset(a.id(), a.kind(), a.name(), a.agency(), a.properties(), g);
    }
}
