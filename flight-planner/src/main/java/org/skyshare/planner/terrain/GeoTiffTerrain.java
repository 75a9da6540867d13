package org.skyshare.planner.terrain;

import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.apache.sis.coverage.grid.PixelInCell;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DEM GeoTIFF (SRTM, Copernicus GLO-30, a local survey; any CRS the file declares) read with
 * Apache SIS and held in memory as floats. Heights are interpolated bilinearly between pixel
 * centres; no-data pixels and points outside the raster give NaN.
 */
public final class GeoTiffTerrain implements Terrain {
    private final String source;
    private final float[] heights;
    private final int width;
    private final int height;
    /** WGS84 (longitude, latitude) to fractional pixel (column, row), pixel centres at integers. */
    private final MathTransform lonLatToPixel;

    private GeoTiffTerrain(String source, float[] heights, int width, int height, MathTransform lonLatToPixel) {
        this.source = source;
        this.heights = heights;
        this.width = width;
        this.height = height;
        this.lonLatToPixel = lonLatToPixel;
    }

    public static GeoTiffTerrain open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TerrainException(file + ": no such DEM file (give a GeoTIFF of ground heights in metres)");
        }
        try (DataStore store = DataStores.open(file)) {
            GridCoverageResource res = firstCoverage(store);
            if (res == null) {
                throw new TerrainException(file + ": holds no raster; expected a single-band GeoTIFF of ground heights");
            }
            GridCoverage cov = res.read(null).forConvertedValues(true);
            GridExtent extent = cov.getGridGeometry().getExtent();
            RenderedImage img = cov.render(null);
            Raster r = img.getData();
            int w = img.getWidth();
            int h = img.getHeight();
            float[] z = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    z[y * w + x] = r.getSampleFloat(img.getMinX() + x, img.getMinY() + y, 0);
                }
            }
            CoordinateReferenceSystem crs = cov.getCoordinateReferenceSystem();
            MathTransform toCrs = CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), crs, null).getMathTransform();
            MathTransform toGrid = cov.getGridGeometry().getGridToCRS(PixelInCell.CELL_CENTER).inverse();
            // the rendered image starts at the extent's low corner
            MathTransform shift = org.apache.sis.referencing.operation.transform.MathTransforms.linear(
                    new org.apache.sis.referencing.operation.matrix.Matrix3(1, 0, -extent.getLow(0), 0, 1, -extent.getLow(1), 0, 0, 1));
            MathTransform all = org.apache.sis.referencing.operation.transform.MathTransforms.concatenate(toCrs, toGrid, shift);
            return new GeoTiffTerrain(file.toString(), z, w, h, all);
        } catch (DataStoreException e) {
            throw new TerrainException(file + ": not a readable GeoTIFF DEM (" + e.getMessage() + ")", e);
        } catch (FactoryException | TransformException e) {
            throw new TerrainException(file + ": its coordinate reference system cannot be related to WGS84 (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof TerrainException te) {
                throw te;
            }
            throw new TerrainException(file + ": cannot read the DEM (" + e + ")", e);
        }
    }

    private static GridCoverageResource firstCoverage(Resource r) throws DataStoreException {
        if (r instanceof GridCoverageResource g) {
            return g;
        }
        if (r instanceof Aggregate a) {
            for (Resource c : a.components()) {
                GridCoverageResource g = firstCoverage(c);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    @Override
    public double groundAmslM(double lonDeg, double latDeg) {
        double[] p = {lonDeg, latDeg};
        try {
            lonLatToPixel.transform(p, 0, p, 0, 1);
        } catch (TransformException e) {
            return Double.NaN;
        }
        double fx = p[0];
        double fy = p[1];
        if (!(fx >= -0.5 && fy >= -0.5 && fx <= width - 0.5 && fy <= height - 0.5)) {
            return Double.NaN;
        }
        int x0 = (int) Math.floor(Math.max(0, Math.min(width - 1, fx)));
        int y0 = (int) Math.floor(Math.max(0, Math.min(height - 1, fy)));
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double tx = Math.max(0, Math.min(1, fx - x0));
        double ty = Math.max(0, Math.min(1, fy - y0));
        double a = heights[y0 * width + x0];
        double b = heights[y0 * width + x1];
        double c = heights[y1 * width + x0];
        double d = heights[y1 * width + x1];
        return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
    }

    @Override
    public String source() {
        return source;
    }
}
