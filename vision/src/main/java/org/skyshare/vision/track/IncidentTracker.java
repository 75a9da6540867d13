package org.skyshare.vision.track;

import net.sf.geographiclib.Geodesic;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.geo.GroundPoint;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Joins detections across frames and passes into incidents, so the same fire seen in 50 frames is
 * one incident that grows more certain, not 50 alerts. Georeferenced detections join the nearest
 * incident of a compatible kind within a gate radius; detections without a pose join by pixel
 * position within a short time of the same camera (a hovering or slowly moving view). A hot spot
 * later seen as fire becomes a fire incident. Thread-safe.
 */
public final class IncidentTracker {
    private final TrackerParameters params;
    private final EvidenceWriter evidence;
    private final List<Track> tracks = new ArrayList<>();

    /** @param evidenceFolder where best-evidence JPEGs go, or null to keep none */
    public IncidentTracker(TrackerParameters params, Path evidenceFolder) {
        this.params = Objects.requireNonNull(params, "params");
        this.evidence = evidenceFolder == null ? null : new EvidenceWriter(evidenceFolder);
    }

    public IncidentTracker() {
        this(TrackerParameters.defaults(), null);
    }

    /** Merges one frame's detections (already georeferenced where possible) into the incidents. */
    public synchronized List<IncidentUpdate> update(Frame frame, List<Detection> detections) {
        List<Detection> ordered = new ArrayList<>(detections);
        ordered.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        List<IncidentUpdate> updates = new ArrayList<>(ordered.size());
        for (Detection d : ordered) {
            Track t = associate(frame, d);
            boolean created = t == null;
            if (created) {
                t = new Track(UUID.randomUUID().toString(), d, frame);
                tracks.add(t);
            } else {
                t.add(d, frame, params);
            }
            if (evidence != null && t.evidenceStale) {
                t.evidencePath = evidence.write(t.id, frame, d);
                t.evidenceStale = false;
            }
            updates.add(new IncidentUpdate(t.snapshot(params), d, created));
        }
        return updates;
    }

    /**
     * Forgets incidents last seen before {@code cutoff} (a long-running station keeps its own store;
     * this bounds the tracker's memory). Returns how many were forgotten. A later sighting at the
     * same place opens a new incident.
     */
    public synchronized int forgetLastSeenBefore(Instant cutoff) {
        int before = tracks.size();
        tracks.removeIf(t -> t.lastSeen.isBefore(cutoff));
        return before - tracks.size();
    }

    public synchronized List<Incident> incidents() {
        return tracks.stream().map(t -> t.snapshot(params))
                .sorted(Comparator.comparing(Incident::firstSeen)).toList();
    }

    private Track associate(Frame frame, Detection d) {
        Track best = null;
        double bestScore = Double.MAX_VALUE;
        for (Track t : tracks) {
            if (group(t.kind) != group(d.kind())) {
                continue;
            }
            double score;
            if (d.ground() != null && t.hasPosition()) {
                GroundPoint p = t.position();
                double dist = Geodesic.WGS84.Inverse(p.latDeg(), p.lonDeg(), d.ground().latDeg(), d.ground().lonDeg()).s12;
                double size = Double.isNaN(t.maxAreaM2) ? 0 : Math.sqrt(t.maxAreaM2) / 2;
                double gate = d.kind() == DetectionKind.FLOOD ? params.floodGateRadiusM() : params.gateRadiusM();
                if (dist > gate + size) {
                    continue;
                }
                score = dist;
            } else if (d.ground() == null && t.lastCameraId.equals(d.cameraId())) {
                Duration gap = Duration.between(t.lastSeen, d.timestamp()).abs();
                if (gap.compareTo(params.pixelMaxGap()) > 0) {
                    continue;
                }
                double diag = Math.hypot(frame.widthPx(), frame.heightPx());
                double dist = Math.hypot(t.lastBoxX - d.box().centreX(), t.lastBoxY - d.box().centreY());
                if (dist > params.pixelGateFraction() * diag) {
                    continue;
                }
                score = dist;
            } else {
                continue;
            }
            if (score < bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }

    /** Kinds that describe the same hazard: a hot spot may turn out to be a fire. */
    private static int group(DetectionKind k) {
        return switch (k) {
            case FIRE, HOTSPOT -> 0;
            case SMOKE -> 1;
            case FLOOD -> 2;
        };
    }

    private static final class Track {
        final String id;
        DetectionKind kind;
        double latSum, lonSum, altSum, weightSum;
        final Instant firstSeen;
        Instant lastSeen;
        Instant passStart;
        int sightings = 1;
        int passes = 1;
        double peakC;
        double maxAreaM2;
        final Set<Sensor> sensors = EnumSet.noneOf(Sensor.class);
        Detection best;
        /** The georeferenced sighting of the largest area: where a flood's position is taken from. */
        Detection largest;
        Path evidencePath;
        boolean evidenceStale = true;
        String lastCameraId;
        double lastBoxX, lastBoxY;

        Track(String id, Detection d, Frame frame) {
            this.id = id;
            this.kind = d.kind();
            this.firstSeen = d.timestamp();
            this.lastSeen = d.timestamp();
            this.passStart = d.timestamp();
            this.peakC = d.peakTemperatureC();
            this.maxAreaM2 = d.areaM2();
            this.best = d;
            sensors.add(d.sensor());
            addPosition(d);
            remember(d);
        }

        void add(Detection d, Frame frame, TrackerParameters p) {
            sightings++;
            if (Duration.between(lastSeen, d.timestamp()).abs().compareTo(p.passGap()) > 0) {
                passes++;
            }
            if (d.timestamp().isAfter(lastSeen)) {
                lastSeen = d.timestamp();
            }
            if (d.kind() == DetectionKind.FIRE && kind == DetectionKind.HOTSPOT) {
                kind = DetectionKind.FIRE;
                evidenceStale = true;
            }
            if (d.hasTemperature() && (Double.isNaN(peakC) || d.peakTemperatureC() > peakC)) {
                peakC = d.peakTemperatureC();
            }
            if (!Double.isNaN(d.areaM2()) && (Double.isNaN(maxAreaM2) || d.areaM2() > maxAreaM2)) {
                maxAreaM2 = d.areaM2();
            }
            sensors.add(d.sensor());
            addPosition(d);
            boolean better = d.confidence() > best.confidence() + 0.02
                    || (d.kind() == DetectionKind.FIRE && best.kind() != DetectionKind.FIRE);
            if (better) {
                best = d;
                evidenceStale = true;
            }
            remember(d);
        }

        private void remember(Detection d) {
            lastCameraId = d.cameraId();
            lastBoxX = d.box().centreX();
            lastBoxY = d.box().centreY();
        }

        private void addPosition(Detection d) {
            if (d.ground() != null && !Double.isNaN(d.areaM2()) && (largest == null || d.areaM2() > largest.areaM2())) {
                largest = d;
            }
            if (d.ground() != null) {
                double w = Math.max(0.05, d.confidence());
                latSum += w * d.ground().latDeg();
                lonSum += w * d.ground().lonDeg();
                altSum += w * d.ground().altitudeAmslM();
                weightSum += w;
            }
        }

        boolean hasPosition() {
            return weightSum > 0;
        }

        /**
         * A fire's position is the confidence-weighted mean of its sightings (they scatter by a few metres
         * of georeferencing error around one spot). A flood's sightings are points on different
         * patches of flooded ground, up to the flood gate apart, often on both banks; their mean can
         * lie in the river itself, so a flood is placed on the largest patch seen.
         */
        GroundPoint position() {
            if (kind == DetectionKind.FLOOD && largest != null) {
                return largest.ground();
            }
            return hasPosition() ? new GroundPoint(latSum / weightSum, lonSum / weightSum, altSum / weightSum) : null;
        }

        Incident snapshot(TrackerParameters p) {
            double doubt = 1 - best.confidence();
            doubt *= Math.pow(1 - p.sightingGain(), Math.min(sightings, 10) - 1);
            doubt *= Math.pow(1 - p.passGain(), Math.min(passes, 5) - 1);
            if (sensors.contains(Sensor.FUSED) || (sensors.contains(Sensor.THERMAL) && sensors.contains(Sensor.VISUAL))) {
                doubt *= 0.7;
            }
            double confidence = Math.min(0.99, 1 - doubt);
            return new Incident(id, kind, position(), firstSeen, lastSeen, sightings, passes, peakC, maxAreaM2,
                    confidence, sensors, best, evidencePath);
        }
    }
}
