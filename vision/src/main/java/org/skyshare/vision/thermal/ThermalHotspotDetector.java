package org.skyshare.vision.thermal;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.geo.GroundScale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds fires and other hot spots in radiometric thermal frames, in the manner of the MODIS/VIIRS
 * active-fire algorithm: an absolute test picks hot pixels, they are grouped into 8-connected
 * components, and each component is tested against its local background (a window grown around it
 * until enough non-hot pixels are found: its mean plus the larger of a fixed margin and k times the
 * mean absolute deviation), with every hot pixel excluded from any background. The absolute
 * temperature then separates fire (hundreds of degrees) from sun-heated roofs, rocks, people and
 * vehicles.
 *
 * <p>Hot pixels are sparse, so the window statistics are computed per component rather than per
 * pixel: one pass over the frame (threshold plus a subsampled frame mean), then work proportional
 * to the hot pixels. Working arrays are reused per thread (a frame-stamp array avoids clearing), so
 * a frame allocates only its results. Thread-safe.
 */
public final class ThermalHotspotDetector implements Detector {
    private final ThermalParameters params;
    private final GroundScale groundScale;
    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

    public ThermalHotspotDetector(ThermalParameters params, GroundScale groundScale) {
        this.params = Objects.requireNonNull(params, "params");
        this.groundScale = Objects.requireNonNull(groundScale, "groundScale");
    }

    public ThermalHotspotDetector() {
        this(ThermalParameters.defaults(), GroundScale.UNKNOWN);
    }

    public ThermalParameters parameters() {
        return params;
    }

    @Override
    public String name() {
        return "thermal-hotspot";
    }

    @Override
    public boolean accepts(Frame frame) {
        return frame.isThermal();
    }

    @Override
    public List<Detection> detect(Frame frame) {
        if (!frame.isThermal()) {
            return List.of();
        }
        List<HotComponent> components = analyse(frame.thermal(), false);
        if (components.isEmpty()) {
            return List.of();
        }
        List<Detection> out = new ArrayList<>(components.size());
        for (HotComponent c : components) {
            double mpp = groundScale.metresPerPixel(frame, c.peakX() + 0.5, c.peakY() + 0.5);
            double areaM2 = Double.isNaN(mpp) ? Double.NaN : c.pixelCount() * mpp * mpp;
            out.add(new Detection(c.kind(), c.confidence(), c.box(), c.peakC(), c.meanC(), null, areaM2,
                    Sensor.THERMAL, frame.sequence(), frame.timestamp(), frame.cameraId()));
        }
        return out;
    }

    /** Accepted components of a thermal image, most confident first. */
    public List<HotComponent> analyse(ThermalImage image) {
        return analyse(image, false);
    }

    /**
     * Components of a thermal image, most confident first.
     *
     * @param includeRejected also return components that failed a test (kind null), for evaluation
     */
    public List<HotComponent> analyse(ThermalImage image, boolean includeRejected) {
        final int w = image.width();
        final int h = image.height();
        final float[] t = image.temperaturesC();
        Workspace ws = workspace.get();
        ws.begin(w * h);
        final int[] stamp = ws.stamp;
        final int hotMark = ws.hotMark;
        final float hotMin = (float) params.hotPixelMinC();

        // pass 1: absolute test; hot pixels are rare, so the branch is cheap
        int[] hot = ws.hot;
        int hotCount = 0;
        for (int i = 0, n = w * h; i < n; i++) {
            if (t[i] >= hotMin) {
                if (hotCount == hot.length) {
                    hot = Arrays.copyOf(hot, hot.length * 2);
                }
                hot[hotCount++] = i;
                stamp[i] = hotMark;
            }
        }
        ws.hot = hot;
        if (hotCount == 0) {
            return List.of();
        }
        double sceneMeanC = sceneMean(t, w, h);

        List<HotComponent> result = new ArrayList<>();
        for (int k = 0; k < hotCount; k++) {
            int seed = hot[k];
            if (stamp[seed] != hotMark) {
                continue;
            }
            HotComponent c = grow(seed, t, w, h, ws, sceneMeanC);
            if (c.accepted() || includeRejected) {
                result.add(c);
            }
        }
        result.sort(Comparator.comparingDouble(HotComponent::confidence).thenComparingDouble(HotComponent::peakC).reversed());
        return result;
    }

    private HotComponent grow(int seed, float[] t, int w, int h, Workspace ws, double sceneMeanC) {
        final int[] stamp = ws.stamp;
        final int hotMark = ws.hotMark;
        final int doneMark = hotMark + 1;
        int[] queue = ws.queue;
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        stamp[seed] = doneMark;
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        int count = 0;
        double sum = 0;
        float peak = Float.NEGATIVE_INFINITY;
        int peakIdx = seed;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            float v = t[i];
            count++;
            sum += v;
            if (v > peak) {
                peak = v;
                peakIdx = i;
            }
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= w) {
                        continue;
                    }
                    int j = ny * w + nx;
                    if (stamp[j] == hotMark) {
                        stamp[j] = doneMark;
                        if (tail == queue.length) {
                            queue = Arrays.copyOf(queue, queue.length * 2);
                            ws.queue = queue;
                        }
                        queue[tail++] = j;
                    }
                }
            }
        }
        PixelBox box = new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
        double meanC = sum / count;
        int peakX = peakIdx % w;
        int peakY = peakIdx / w;

        // cheap rejections first: most hot components in daylight are sun-heated surfaces
        if (peak < params.hotspotMinC() || count < params.minPixels()) {
            return rejected(box, count, peak, meanC, peakX, peakY, Double.NaN, Double.NaN);
        }
        boolean certain = peak >= params.certainFireC();
        if (!certain && peak < sceneMeanC + params.sceneMinDeltaC()) {
            return rejected(box, count, peak, meanC, peakX, peakY, Double.NaN, Double.NaN);
        }
        double[] bg = background(t, w, h, minX, minY, maxX, maxY, stamp, hotMark);
        double bgMean = bg[0];
        double bgMad = bg[1];
        boolean context = !Double.isNaN(bgMean)
                && peak - bgMean >= Math.max(params.contextMinDeltaC(), params.madK() * bgMad);
        DetectionKind kind;
        double confidence;
        if (certain || (context && peak >= params.fireMinC())) {
            kind = DetectionKind.FIRE;
            double heat = clamp01((peak - params.fireMinC()) / (params.certainFireC() - params.fireMinC()));
            double size = clamp01((count - 1) / 15.0);
            confidence = 0.6 + 0.3 * heat + 0.1 * size;
        } else if (context) {
            kind = DetectionKind.HOTSPOT;
            confidence = 0.25 + 0.25 * clamp01((peak - params.hotspotMinC()) / (params.fireMinC() - params.hotspotMinC()));
        } else {
            return rejected(box, count, peak, meanC, peakX, peakY, bgMean, bgMad);
        }
        return new HotComponent(box, count, peak, meanC, peakX, peakY, bgMean, bgMad, context, kind, confidence);
    }

    /**
     * Mean and mean absolute deviation of the non-hot pixels in a ring around a box, the ring
     * widened until it holds enough of them; NaNs when it never does (a fire filling the view).
     */
    private double[] background(float[] t, int w, int h, int minX, int minY, int maxX, int maxY,
                                int[] stamp, int hotMark) {
        int[] margins = {3, 5, 8, 12, 16, params.maxBackgroundMarginPx()};
        for (int m : margins) {
            if (m > params.maxBackgroundMarginPx()) {
                break;
            }
            int x0 = Math.max(0, minX - m), x1 = Math.min(w - 1, maxX + m);
            int y0 = Math.max(0, minY - m), y1 = Math.min(h - 1, maxY + m);
            int ring = 0, valid = 0;
            double sum = 0;
            for (int y = y0; y <= y1; y++) {
                boolean insideRows = y >= minY && y <= maxY;
                int row = y * w;
                for (int x = x0; x <= x1; x++) {
                    if (insideRows && x >= minX && x <= maxX) {
                        continue;
                    }
                    ring++;
                    int i = row + x;
                    float v = t[i];
                    if (stamp[i] < hotMark && !Float.isNaN(v)) {
                        valid++;
                        sum += v;
                    }
                }
            }
            if (valid >= params.minBackgroundPixels() && valid >= params.minBackgroundFraction() * ring) {
                double mean = sum / valid;
                double dev = 0;
                for (int y = y0; y <= y1; y++) {
                    boolean insideRows = y >= minY && y <= maxY;
                    int row = y * w;
                    for (int x = x0; x <= x1; x++) {
                        if (insideRows && x >= minX && x <= maxX) {
                            continue;
                        }
                        int i = row + x;
                        float v = t[i];
                        if (stamp[i] < hotMark && !Float.isNaN(v)) {
                            dev += Math.abs(v - mean);
                        }
                    }
                }
                return new double[] {mean, dev / valid};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /** Mean of every 4th pixel of every 4th row: enough for a scene level, a 16th of the work. */
    private static double sceneMean(float[] t, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < h; y += 4) {
            int row = y * w;
            for (int x = 0; x < w; x += 4) {
                float v = t[row + x];
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static HotComponent rejected(PixelBox box, int count, double peak, double mean, int px, int py,
                                         double bgMean, double bgMad) {
        return new HotComponent(box, count, peak, mean, px, py, bgMean, bgMad, false, null, 0);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Per-thread working arrays; the stamp array marks this frame's hot/visited pixels without clearing. */
    private static final class Workspace {
        int[] stamp = new int[0];
        int hotMark;
        int[] hot = new int[4096];
        int[] queue = new int[4096];

        void begin(int pixels) {
            if (stamp.length < pixels) {
                stamp = new int[pixels];
                hotMark = 0;
            }
            hotMark += 2;
            if (hotMark > Integer.MAX_VALUE - 4) {
                Arrays.fill(stamp, 0);
                hotMark = 2;
            }
        }
    }
}
