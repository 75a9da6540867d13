package org.skyshare.vision.pipeline;

import org.locationtech.jts.geom.Geometry;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.Detector;
import org.skyshare.vision.flood.WaterSegmenter;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.fusion.CaptureRegistration;
import org.skyshare.vision.fusion.SensorFusion;
import org.skyshare.vision.geo.CameraModel;
import org.skyshare.vision.geo.FrameGeoreferencing;
import org.skyshare.vision.geo.TerrainModel;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.vision.thermal.ThermalParameters;
import org.skyshare.vision.track.IncidentTracker;
import org.skyshare.vision.track.EvidenceWriter;
import org.skyshare.vision.track.IncidentUpdate;
import org.skyshare.vision.track.TrackerParameters;
import org.skyshare.vision.visual.FireSmokeClassifier;
import org.skyshare.vision.visual.VisualFireDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The vision entry point: frames in, georeferenced detections and incidents out.
 *
 * <ul>
 *   <li>{@link #process(Frame)}: every detector that reads this kind of frame, then georeferencing
 *       (frames without a pose keep pixel boxes).</li>
 *   <li>{@link #processCapture(Frame, Frame)}: the thermal and visual frames of one capture, fused.</li>
 *   <li>{@link #track(Frame)} / {@link #trackCapture(Frame, Frame)}: the same, merged into the
 *       pipeline's {@link IncidentTracker}; each update says whether it opened a new incident.</li>
 * </ul>
 * A detector that throws on a frame is counted and skipped for that frame; the stream goes on.
 * Thread-safe (the thermal detector keeps per-thread work arrays; the tracker is synchronised).
 */
public final class VisionPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisionPipeline.class);

    private final List<Detector> detectors;
    private final FrameGeoreferencing georeferencing;
    private final IncidentTracker tracker;
    private final List<AutoCloseable> owned;
    private final Map<String, AtomicLong> failures = new LinkedHashMap<>();

    private VisionPipeline(List<Detector> detectors, FrameGeoreferencing georeferencing, IncidentTracker tracker,
                           List<AutoCloseable> owned) {
        this.detectors = List.copyOf(detectors);
        this.georeferencing = georeferencing;
        this.tracker = tracker;
        this.owned = List.copyOf(owned);
        for (Detector d : detectors) {
            failures.put(d.name(), new AtomicLong());
        }
    }

    public static Builder builder(ProfileCatalog catalog) {
        return new Builder(catalog);
    }

    /**
     * Runs every visual detector once on a blank frame of the given size and draws an evidence image
     * in memory, so that the first real frame does not pay for loading the models' sessions, fonts
     * and the JPEG writer. Nothing is tracked; a detector that fails here fails again on real frames,
     * where it is reported.
     */
    public void warmUp(int widthPx, int heightPx) {
        BufferedImage blank = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_3BYTE_BGR);
        Frame frame = Frame.visual(0, Instant.EPOCH, 0, "warm-up", null, blank);
        for (Detector d : detectors) {
            try {
                d.warmUp(frame);
            } catch (RuntimeException e) {
                LOG.debug("{} on a blank frame: {}", d.name(), e.toString());
            }
        }
        EvidenceWriter.warmUp();
    }

    /** Detections in one frame, georeferenced where the frame has a pose. */
    public List<Detection> process(Frame frame) {
        List<Detection> out = new ArrayList<>();
        for (Detector d : detectors) {
            if (!d.accepts(frame)) {
                continue;
            }
            try {
                for (Detection det : d.detect(frame)) {
                    out.add(det.ground() == null ? georeferencing.georeference(frame, det) : det);
                }
            } catch (RuntimeException e) {
                long n = failures.get(d.name()).incrementAndGet();
                if (n <= 3) {
                    LOG.warn("{} failed on frame {} of {}: {}", d.name(), frame.sequence(), frame.cameraId(), e.toString());
                }
            }
        }
        return out;
    }

    /**
     * The thermal and visual frames of one capture (same time, same gimbal), fused: detections in
     * the visual frame's pixels, FUSED where both sensors agree, single-sensor ones at lower confidence.
     */
    public List<Detection> processCapture(Frame thermal, Frame visual) {
        Objects.requireNonNull(thermal, "thermal");
        Objects.requireNonNull(visual, "visual");
        if (!thermal.isThermal() || visual.isThermal()) {
            throw new IllegalArgumentException("processCapture takes a thermal frame and a visual frame, in that order");
        }
        List<Detection> t = process(thermal);
        List<Detection> v = process(visual);
        Optional<CaptureRegistration> reg = registration(thermal, visual);
        if (reg.isEmpty()) {
            List<Detection> both = new ArrayList<>(t);
            both.addAll(v);
            return both;
        }
        List<Detection> fused = SensorFusion.fuse(thermal, t, visual, v, reg.get());
        List<Detection> out = new ArrayList<>(fused.size());
        for (Detection d : fused) {
            // thermal detections moved onto the visual frame keep the ground position they already had
            out.add(d.ground() == null && d.cameraId().equals(visual.cameraId()) ? georeferencing.georeference(visual, d) : d);
        }
        return out;
    }

    public List<IncidentUpdate> track(Frame frame) {
        return tracker.update(frame, process(frame));
    }

    public List<IncidentUpdate> trackCapture(Frame thermal, Frame visual) {
        List<Detection> fused = processCapture(thermal, visual);
        List<Detection> onVisual = new ArrayList<>();
        List<Detection> onThermal = new ArrayList<>();
        for (Detection d : fused) {
            (d.cameraId().equals(visual.cameraId()) ? onVisual : onThermal).add(d);
        }
        List<IncidentUpdate> updates = new ArrayList<>(tracker.update(visual, onVisual));
        updates.addAll(tracker.update(thermal, onThermal));
        return updates;
    }

    public IncidentTracker tracker() {
        return tracker;
    }

    public FrameGeoreferencing georeferencing() {
        return georeferencing;
    }

    public List<String> detectorNames() {
        return detectors.stream().map(Detector::name).toList();
    }

    /** Frames on which each detector threw (and was skipped). */
    public Map<String, Long> detectorFailures() {
        Map<String, Long> m = new LinkedHashMap<>();
        failures.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    private Optional<CaptureRegistration> registration(Frame thermal, Frame visual) {
        Optional<CameraModel> t = georeferencing.cameraModel(thermal.cameraId());
        Optional<CameraModel> v = georeferencing.cameraModel(visual.cameraId());
        if (t.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CaptureRegistration(t.get().scaledTo(thermal.widthPx(), thermal.heightPx()),
                v.get().scaledTo(visual.widthPx(), visual.heightPx())));
    }

    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c, e.toString());
            }
        }
    }

    /** Assembles a pipeline; the thermal detector is on by default, the visual and flood stages when given. */
    public static final class Builder {
        private final ProfileCatalog catalog;
        private ThermalParameters thermal = ThermalParameters.defaults();
        private boolean thermalOn = true;
        private FireSmokeClassifier visual;
        private WaterSegmenter water;
        private Geometry riversLonLat;
        private double floodMarginM = 10;
        private TerrainModel terrain = TerrainModel.FLAT;
        private boolean stabilisedGimbal = true;
        private Path evidenceFolder;
        private TrackerParameters trackerParameters = TrackerParameters.defaults();
        private final List<Detector> extra = new ArrayList<>();

        private Builder(ProfileCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
        }

        public Builder thermal(ThermalParameters params) {
            this.thermal = Objects.requireNonNull(params);
            this.thermalOn = true;
            return this;
        }

        public Builder withoutThermal() {
            this.thermalOn = false;
            return this;
        }

        /** Visual fire/smoke: the learned model ({@code FireSmokeModel}) or the colour-cue classifier; closed with the pipeline when closeable. */
        public Builder visual(FireSmokeClassifier classifier) {
            this.visual = classifier;
            return this;
        }

        /** Flood: water segmentation compared with the rivers' normal extent (lon/lat) plus a margin. */
        public Builder flood(WaterSegmenter segmenter, Geometry normalExtentLonLat, double marginM) {
            this.water = segmenter;
            this.riversLonLat = normalExtentLonLat;
            this.floodMarginM = marginM;
            return this;
        }

        public Builder terrain(TerrainModel terrain) {
            this.terrain = Objects.requireNonNull(terrain);
            return this;
        }

        /** False for a camera fixed to the airframe (it then inherits the aircraft's roll and pitch). */
        public Builder stabilisedGimbal(boolean stabilised) {
            this.stabilisedGimbal = stabilised;
            return this;
        }

        public Builder evidenceFolder(Path folder) {
            this.evidenceFolder = folder;
            return this;
        }

        public Builder tracker(TrackerParameters params) {
            this.trackerParameters = Objects.requireNonNull(params);
            return this;
        }

        /** Any further stage behind the {@link Detector} interface. */
        public Builder detector(Detector d) {
            extra.add(Objects.requireNonNull(d));
            return this;
        }

        public VisionPipeline build() {
            FrameGeoreferencing geo = new FrameGeoreferencing(catalog, stabilisedGimbal, terrain);
            List<Detector> ds = new ArrayList<>();
            List<AutoCloseable> owned = new ArrayList<>();
            if (thermalOn) {
                ds.add(new ThermalHotspotDetector(thermal, geo));
                ds.add(new DisplayScaledThermalStage(id -> geo.isThermalCamera(id), geo));
            }
            if (visual != null) {
                // a thermal camera's 8-bit video is not a colour image: the colour model stays off it
                ds.add(new VisualFireStage(new VisualFireDetector(visual), id -> !geo.isThermalCamera(id)));
                if (visual instanceof AutoCloseable c) {
                    owned.add(c);
                }
            }
            if (water != null && riversLonLat != null) {
                ds.add(new FloodStage(water, riversLonLat, floodMarginM, geo));
                if (water instanceof AutoCloseable c) {
                    owned.add(c);
                }
            }
            ds.addAll(extra);
            return new VisionPipeline(ds, geo, new IncidentTracker(trackerParameters, evidenceFolder), owned);
        }
    }
}
