package org.skyshare.vision.pipeline;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.flood.FloodAnalyzer;
import org.skyshare.vision.flood.FloodResult;
import org.skyshare.vision.flood.GroundUnits;
import org.skyshare.vision.flood.WaterMask;
import org.skyshare.vision.flood.WaterSegmenter;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.geo.FrameGeoreferencing;
import org.skyshare.vision.geo.Georeferencer;
import org.skyshare.vision.geo.GroundPoint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Water segmentation plus the comparison with the rivers' normal extent, as a pipeline stage: a
 * georeferenced visual frame whose water reaches beyond the normal banks plus a margin gives one
 * FLOOD detection at the flooded area's centroid with its area. Frames without a pose cannot be
 * compared with the banks and give nothing.
 */
public final class FloodStage implements Detector {
    /** Flooded area below which nothing is reported (one mis-segmented patch is not a flood). */
    public static final double MIN_FLOOD_M2 = 50;
    /**
     * Flood water beyond the banks stays connected to the river; a patch further than this from the
     * normal extent plus margin (a pond, a mis-segmented canopy) is not the river's flood. A few
     * metres of slack for the mask's cells and the georeferencing error.
     */
    public static final double MAX_GAP_TO_RIVER_M = 15;

    /**
     * Ground size of the cells the water mask is cut into: a fifth of the side of the smallest patch
     * the analyzer keeps (25 m2). Finer cells add little (the water model sees the frame as a 128 px
     * square, about 1 m a model pixel at patrol height) but cost: the analysis unions a polygon per run
     * of cells, and on the demo's flood frames (1280x720 at 100 m, 0.13 m a pixel) 4 px cells took
     * about twice as long as 8 px cells and four times as long as 16 px cells.
     */
    static final double CELL_M = 1.0;
    static final int MIN_CELL_PX = 4;
    static final int MAX_CELL_PX = 32;

    private final WaterSegmenter segmenter;
    private final Geometry normalExtentLonLat;
    private final double marginM;
    private final FrameGeoreferencing georeferencing;
    private final FloodAnalyzer analyzer = new FloodAnalyzer(GroundUnits.LON_LAT, 4, 25, MAX_GAP_TO_RIVER_M);

    /** @param normalExtentLonLat the rivers' normal water surface, x = longitude, y = latitude */
    public FloodStage(WaterSegmenter segmenter, Geometry normalExtentLonLat, double marginM, FrameGeoreferencing georeferencing) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.normalExtentLonLat = Objects.requireNonNull(normalExtentLonLat, "normalExtentLonLat");
        this.marginM = marginM;
        this.georeferencing = Objects.requireNonNull(georeferencing, "georeferencing");
    }

    @Override
    public String name() {
        return "flood";
    }

    @Override
    public boolean accepts(Frame frame) {
        return !frame.isThermal() && frame.pose() != null;
    }

    /** The blank frame has no pose to georeference, so only the segmentation runs. */
    @Override
    public void warmUp(Frame blank) {
        if (!blank.isThermal()) {
            segmenter.segment(blank.rgb());
        }
    }

    @Override
    public List<Detection> detect(Frame frame) {
        if (!accepts(frame)) {
            return List.of();
        }
        Optional<Georeferencer> geo = georeferencing.forFrame(frame);
        if (geo.isEmpty()) {
            return List.of();
        }
        WaterMask mask = segmenter.segment(frame.rgb());
        if (mask.waterPixels() == 0) {
            return List.of();
        }
        Georeferencer g = geo.get();
        FloodResult r = analyzer.analyze(mask, (x, y) -> g.toGround(frame.pose(), x, y)
                .map(p -> new Coordinate(p.lonDeg(), p.latDeg())).orElse(null), normalExtentLonLat, marginM, cellPx(g, frame));
        if (!r.isFlooded(MIN_FLOOD_M2)) {
            return List.of();
        }
        Point c = r.floodedArea().getInteriorPoint();
        GroundPoint centre = new GroundPoint(c.getY(), c.getX(), frame.pose().groundAltitudeAmslM());
        PixelBox box = pixelBox(r.floodedArea().getEnvelopeInternal(), g, frame);
        double confidence = Math.min(0.95, 0.5 + 0.45 * Math.min(1, r.floodedAreaM2() / 2000));
        return List.of(new Detection(DetectionKind.FLOOD, confidence, box, Double.NaN, Double.NaN, centre,
                r.floodedAreaM2(), Sensor.VISUAL, frame.sequence(), frame.timestamp(), frame.cameraId()));
    }

    /** Cells of about {@link #CELL_M} on the ground at the frame's centre, within 4 to 32 px. */
    static int cellPx(Georeferencer g, Frame frame) {
        double mpp = g.metresPerPixel(frame.pose(), frame.widthPx() / 2.0, frame.heightPx() / 2.0);
        if (!(mpp > 0) || Double.isInfinite(mpp)) {
            return MIN_CELL_PX;
        }
        return (int) Math.max(MIN_CELL_PX, Math.min(MAX_CELL_PX, Math.floor(CELL_M / mpp)));
    }

    private static PixelBox pixelBox(Envelope e, Georeferencer g, Frame frame) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double[][] corners = {{e.getMinX(), e.getMinY()}, {e.getMinX(), e.getMaxY()}, {e.getMaxX(), e.getMinY()}, {e.getMaxX(), e.getMaxY()}};
        for (double[] c : corners) {
            Optional<double[]> px = g.toPixel(frame.pose(), new GroundPoint(c[1], c[0], frame.pose().groundAltitudeAmslM()));
            if (px.isPresent()) {
                minX = Math.min(minX, px.get()[0]);
                maxX = Math.max(maxX, px.get()[0]);
                minY = Math.min(minY, px.get()[1]);
                maxY = Math.max(maxY, px.get()[1]);
            }
        }
        int w = frame.widthPx(), h = frame.heightPx();
        if (minX == Double.MAX_VALUE) {
            return new PixelBox(0, 0, w, h);
        }
        int x0 = (int) Math.max(0, Math.min(w - 1, Math.floor(minX)));
        int y0 = (int) Math.max(0, Math.min(h - 1, Math.floor(minY)));
        int x1 = (int) Math.max(x0 + 1, Math.min(w, Math.ceil(maxX)));
        int y1 = (int) Math.max(y0 + 1, Math.min(h, Math.ceil(maxY)));
        return new PixelBox(x0, y0, x1 - x0, y1 - y0);
    }
}
