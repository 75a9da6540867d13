package org.skyshare.planner.terrain;

import org.skyshare.planner.check.WrittenPlanCheck;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BandedSampleModel;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleBinaryOperator;

/**
 * A DEM GeoTIFF written in the test (the JDK's TIFF writer plus the three GeoTIFF tags: pixel scale,
 * tie point, GeoKey directory for EPSG:4326), sampled from a ground function of local metres.
 */
final class SyntheticDem {
    private SyntheticDem() {
    }

    /** Writes the ground over [minX, maxX] x [minY, maxY] local metres, one pixel every pixelM metres. */
    static Path write(Path file, WrittenPlanCheck frame, DoubleBinaryOperator groundOfXy, double minX, double maxX, double minY, double maxY,
                      double pixelM) throws Exception {
        int w = (int) Math.round((maxX - minX) / pixelM);
        int h = (int) Math.round((maxY - minY) / pixelM);
        double[] nw = frame.toLonLat(minX, maxY);
        double[] se = frame.toLonLat(maxX, minY);
        double dLon = (se[0] - nw[0]) / w;
        double dLat = (nw[1] - se[1]) / h;
        WritableRaster r = Raster.createWritableRaster(new BandedSampleModel(DataBuffer.TYPE_FLOAT, w, h, 1), null);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double lon = nw[0] + (col + 0.5) * dLon;
                double lat = nw[1] - (row + 0.5) * dLat;
                var c = frame.toLocal(lon, lat);
                r.setSample(col, row, 0, (float) groundOfXy.applyAsDouble(c.x, c.y));
            }
        }
        var cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        BufferedImage img = new BufferedImage(cm, r, false, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(md);
        dir.addTIFFField(new TIFFField(new TIFFTag("ModelPixelScale", 33550, 1 << TIFFTag.TIFF_DOUBLE), TIFFTag.TIFF_DOUBLE, 3,
                new double[] {dLon, dLat, 0}));
        dir.addTIFFField(new TIFFField(new TIFFTag("ModelTiepoint", 33922, 1 << TIFFTag.TIFF_DOUBLE), TIFFTag.TIFF_DOUBLE, 6,
                new double[] {0, 0, 0, nw[0], nw[1], 0}));
        // GeoKeys: model type geographic, raster pixel-is-area, geographic CRS EPSG:4326
        char[] keys = {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326};
        dir.addTIFFField(new TIFFField(new TIFFTag("GeoKeyDirectory", 34735, 1 << TIFFTag.TIFF_SHORT), TIFFTag.TIFF_SHORT, keys.length, keys));
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, dir.getAsMetadata()), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
