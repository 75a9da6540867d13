package org.skyshare.vision.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.FrameSource;
import org.skyshare.vision.frame.FrameSources;
import org.skyshare.vision.frame.PoseTrack;
import org.skyshare.vision.frame.TelemetryFiles;
import org.skyshare.vision.frame.VideoFrameSource;
import org.skyshare.vision.pipeline.VisionPipeline;
import org.skyshare.vision.track.Incident;
import org.skyshare.vision.visual.ColourCueClassifier;
import org.skyshare.vision.visual.FireSmokeClassifier;
import org.skyshare.vision.visual.FireSmokeModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code detect}: runs the detectors over a video, an image, a folder or a stream, and writes the
 * detections and incidents as GeoJSON, with best-evidence JPEGs beside it.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs the fire, smoke and hot-spot detectors on a video, an image, a folder of images or a stream, "
                + "and writes detections and incidents as GeoJSON.",
                "Radiometric frames (16-bit or float TIFF, .raw counts) go through the thermal hot-spot detector; "
                        + "colour frames through the visual fire/smoke model; 8-bit video of a thermal camera through the "
                        + "thermal detector on grey levels. Without telemetry the output keeps pixel boxes."})
public class DetectCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "video file (MP4, MKV, ...), image file, folder of images, or stream URL (rtsp://, udp://, .sdp)")
    String input;

    @Option(names = "--camera", required = true, paramLabel = "ID", description = "camera profile id (see `profiles list`), e.g. sim-thermal, dji-m30t-thermal")
    String cameraId;

    @Option(names = "--telemetry", paramLabel = "F", description = "drone poses: a CSV (time_s or file, lat_deg, lon_deg, alt_amsl_m, ...) or a DJI .SRT file")
    Path telemetry;

    @Option(names = "--out", required = true, paramLabel = "F", description = "GeoJSON file to write")
    Path out;

    @Option(names = "--evidence", paramLabel = "DIR", description = "folder for best-evidence JPEGs (default: <out>-evidence beside the output)")
    Path evidence;

    @Option(names = "--sample-interval", paramLabel = "S", defaultValue = "-1",
            description = "for videos, analyse one frame per this many seconds (default: 0.5 s for colour video, every frame otherwise)")
    double sampleIntervalS;

    @Option(names = "--model", paramLabel = "F", description = "your own fire/smoke ONNX model instead of the built-in one")
    Path model;

    @Option(names = "--no-visual", description = "skip the visual fire/smoke model")
    boolean noVisual;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    public DetectCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        CameraProfile camera = ProfileCatalog.builtIn().camera(cameraId);
        PoseTrack poses = telemetry == null ? PoseTrack.NONE : TelemetryFiles.read(telemetry);
        if (out.getFileName() == null || Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out must name a file to write, not the folder " + out);
        }
        DetectionGeoJson.requireNewOrOurs(out);
        Path evidenceDir = evidence != null ? evidence
                : out.toAbsolutePath().resolveSibling(out.getFileName().toString().replaceFirst("\\.(geo)?json$", "") + "-evidence");
        double interval = sampleIntervalS >= 0 ? sampleIntervalS : (camera.measuresTemperature() ? 0 : 0.5);

        VisionPipeline.Builder builder = VisionPipeline.builder(ProfileCatalog.builtIn()).evidenceFolder(evidenceDir);
        if (!noVisual && !camera.measuresTemperature()) {
            visualClassifier(err).ifPresent(builder::visual);
        }
        List<Detection> detections = new ArrayList<>();
        long frames = 0;
        long withPose = 0;
        try (VisionPipeline pipeline = builder.build(); FrameSource source = FrameSources.open(input, camera, poses, interval)) {
            ProgressBarBuilder pbb = new ProgressBarBuilder().setTaskName("detect").setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" frames", 1).continuousUpdate().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err));
            pbb.setInitialMax(source.expectedFrames().orElse(-1));
            try (ProgressBar pb = quiet ? null : pbb.build()) {
                for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                    Frame frame = f.get();
                    frames++;
                    if (frame.pose() != null) {
                        withPose++;
                    }
                    var updates = pipeline.track(frame);
                    updates.forEach(u -> detections.add(u.detection()));
                    if (pb != null) {
                        pb.step();
                        pb.setExtraMessage(detections.size() + " detections");
                    }
                }
            }
            List<Incident> incidents = pipeline.tracker().incidents();
            if (frames == 0) {
                throw new IllegalStateException("No frame of " + input + " could be read (" + source.stats().skippedFrames()
                        + " skipped" + firstReason(source) + "); nothing was written.");
            }
            DetectionGeoJson.write(out, input, camera.id(), detections, incidents, source.stats());
            System.out.printf(Locale.ROOT, "%d frames read, %d skipped, %d with pose; %d detections, %d incidents -> %s%n",
                    frames, source.stats().skippedFrames(), withPose, detections.size(), incidents.size(), out);
            if (source.stats().skippedFrames() > 0) {
                System.out.println("skipped: " + String.join("; ", source.stats().skipReasons().stream().limit(5).toList()));
            }
            if (telemetry != null && withPose < frames) {
                System.out.printf(Locale.ROOT, "%d frames had no telemetry within %.1f s and keep pixel boxes only%n",
                        frames - withPose, TelemetryFiles.DEFAULT_TOLERANCE_S);
            }
            if (source instanceof VideoFrameSource v && v.sampledOutFrames() > 0) {
                System.out.printf(Locale.ROOT, "sampled one frame per %.2f s of video (%d frames not analysed)%n", interval, v.sampledOutFrames());
            }
            pipeline.detectorFailures().forEach((name, n) -> {
                if (n > 0) {
                    System.out.printf(Locale.ROOT, "%s failed on %d frames (skipped for those frames)%n", name, n);
                }
            });
        }
        return 0;
    }

    private Optional<FireSmokeClassifier> visualClassifier(PrintStream err) {
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("The model file " + model + " does not exist; expected an ONNX fire/smoke model.");
            }
            return Optional.of(FireSmokeModel.load(model));
        }
        try {
            return Optional.of(FireSmokeModel.builtIn());
        } catch (RuntimeException e) {
            err.println("warning: the built-in fire/smoke model cannot be loaded (" + e.getMessage()
                    + "); using the colour cue instead");
            return Optional.of(new ColourCueClassifier());
        }
    }

    private static String firstReason(FrameSource s) {
        List<String> r = s.stats().skipReasons();
        return r.isEmpty() ? "" : ", first: " + r.get(0);
    }
}
