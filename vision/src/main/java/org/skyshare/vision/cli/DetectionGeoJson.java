package org.skyshare.vision.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.FrameSourceStats;
import org.skyshare.vision.track.Incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes detections and incidents as one RFC 7946 FeatureCollection: a Point per georeferenced
 * feature (null geometry for pixel-only ones), {@code feature_type} "detection" or "incident". The
 * file is written beside the target and moved into place, so a failed run leaves no half file.
 */
final class DetectionGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DetectionGeoJson() {
    }

    /**
     * Refuses to replace a file that is not an earlier detection output, before any frame is read:
     * {@code --out} may name a user's file by mistake, and replacing it would destroy it.
     */
    static void requireNewOrOurs(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (Files.isRegularFile(out)) {
            try {
                JsonNode root = JSON.readTree(out.toFile());
                if (root != null && root.has("skyshare") && "FeatureCollection".equals(root.path("type").asText())) {
                    return;
                }
            } catch (IOException | RuntimeException notOurs) {
                // not JSON, or not readable: not a file this command wrote
            }
        }
        throw new IllegalArgumentException(out + " exists and was not written by skyshare detect; give --out a new file name. "
                + "Nothing was written.");
    }

    static void write(Path out, String input, String cameraId, List<Detection> detections, List<Incident> incidents,
                      FrameSourceStats stats) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ObjectNode meta = root.putObject("skyshare");
        meta.put("input", input);
        meta.put("camera", cameraId);
        meta.put("frames_read", stats.deliveredFrames());
        meta.put("frames_skipped", stats.skippedFrames());
        ArrayNode reasons = meta.putArray("skip_reasons");
        stats.skipReasons().forEach(reasons::add);
        meta.put("detections", detections.size());
        meta.put("incidents", incidents.size());
        ArrayNode features = root.putArray("features");
        for (Incident i : incidents) {
            ObjectNode f = feature(features, i.position() == null ? null : new double[] {i.position().lonDeg(), i.position().latDeg()});
            ObjectNode p = f.putObject("properties");
            p.put("feature_type", "incident");
            p.put("id", i.id());
            p.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
            p.put("confidence", round(i.confidence(), 3));
            p.put("first_seen", i.firstSeen().toString());
            p.put("last_seen", i.lastSeen().toString());
            p.put("sightings", i.sightings());
            p.put("passes", i.passes());
            number(p, "peak_temperature_c", i.peakTemperatureC(), 1);
            number(p, "area_m2", i.maxAreaM2(), 2);
            ArrayNode sensors = p.putArray("sensors");
            i.sensors().forEach(s -> sensors.add(s.name().toLowerCase(Locale.ROOT)));
            if (i.evidenceJpeg() != null) {
                Path rel = out.toAbsolutePath().getParent().relativize(i.evidenceJpeg().toAbsolutePath());
                p.put("evidence", rel.toString().replace('\\', '/'));
            }
            p.put("best_frame", i.bestDetection().frameSequence());
        }
        for (Detection d : detections) {
            ObjectNode f = feature(features, d.ground() == null ? null : new double[] {d.ground().lonDeg(), d.ground().latDeg()});
            ObjectNode p = f.putObject("properties");
            p.put("feature_type", "detection");
            p.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            p.put("confidence", round(d.confidence(), 3));
            p.put("sensor", d.sensor().name().toLowerCase(Locale.ROOT));
            p.put("camera", d.cameraId());
            p.put("frame", d.frameSequence());
            p.put("time", d.timestamp().toString());
            ArrayNode box = p.putArray("pixel_box");
            box.add(d.box().x()).add(d.box().y()).add(d.box().width()).add(d.box().height());
            number(p, "peak_temperature_c", d.peakTemperatureC(), 1);
            number(p, "mean_temperature_c", d.meanTemperatureC(), 1);
            number(p, "area_m2", d.areaM2(), 2);
        }
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ObjectNode feature(ArrayNode features, double[] lonLat) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        if (lonLat == null) {
            f.putNull("geometry");
        } else {
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(round(lonLat[0], 7)).add(round(lonLat[1], 7));
        }
        return f;
    }

    private static void number(ObjectNode p, String name, double v, int decimals) {
        if (Double.isNaN(v)) {
            p.putNull(name);
        } else {
            p.put(name, round(v, decimals));
        }
    }

    private static double round(double v, int decimals) {
        double s = Math.pow(10, decimals);
        return Math.round(v * s) / s;
    }
}
