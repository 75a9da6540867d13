package org.skyshare.vision.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.frame.ThermalImage;
import org.skyshare.vision.thermal.DisplayScaledFrames;
import org.skyshare.vision.thermal.HotComponent;
import org.skyshare.vision.thermal.ThermalHotspotDetector;
import org.skyshare.vision.thermal.ThermalParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code evaluate thermal}: fire versus other hot spots on FLAME-T, per site, with the thresholds
 * chosen leave-one-site-out (tuned on the other five sites, measured on the held-out one).
 *
 * <p>FLAME-T frames are 8-bit display-scaled, not temperatures, so the detector runs on grey levels
 * (see {@link DisplayScaledFrames}); these figures measure the contextual and shape tests under a
 * weak absolute test, and are a lower bound for radiometric frames, where fires read hundreds of
 * degrees and roofs under 70 C.
 */
@Command(name = "thermal", mixinStandardHelpOptions = true,
        description = {"Thermal fire vs non-fire hot spots on FLAME-T, per site (leave-one-site-out thresholds), "
                + "and false alarms per 1,000 frames without fire."})
public class EvaluateThermalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "FLAME-T folder with point-a .. point-f (default: ../shared/datasets/thermal/flame-t)")
    Path data;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    static final double[] HOT_LEVELS = {150, 180};
    static final double[] FIRE_LEVELS = {235, 245, 252};
    static final double[] CONTEXT_DELTAS = {15, 35};
    /** With automatic gain a fire compresses the rest of the frame: the peak stands far above the frame mean. */
    static final double[] SCENE_DELTAS = {30, 90, 130, 170};

    public EvaluateThermalCommand() {
    }

    /** One labelled frame, kept as grey levels. */
    record Sample(String site, String name, ThermalImage image, List<PixelBox> fire, List<PixelBox> other) {
    }

    /** Counts for one site under one parameter set. */
    static final class Counts {
        int frames, framesWithoutFire, alarmFramesWithoutFire;
        int fireBoxes, fireBoxesFound, otherBoxes, otherBoxesCalledFire, falseFireDetections;

        void add(Counts c) {
            frames += c.frames;
            framesWithoutFire += c.framesWithoutFire;
            alarmFramesWithoutFire += c.alarmFramesWithoutFire;
            fireBoxes += c.fireBoxes;
            fireBoxesFound += c.fireBoxesFound;
            otherBoxes += c.otherBoxes;
            otherBoxesCalledFire += c.otherBoxesCalledFire;
            falseFireDetections += c.falseFireDetections;
        }

        double recall() {
            return fireBoxes == 0 ? Double.NaN : fireBoxesFound / (double) fireBoxes;
        }

        double otherCalledFire() {
            return otherBoxes == 0 ? Double.NaN : otherBoxesCalledFire / (double) otherBoxes;
        }

        /** Youden's J on boxes: fire found minus other hot spots called fire. */
        double score() {
            double r = fireBoxes == 0 ? 0 : recall();
            double o = otherBoxes == 0 ? 0 : otherCalledFire();
            return r - o - 0.2 * falseFireDetections / Math.max(1.0, frames);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path root = data != null ? data : defaultData();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("The FLAME-T folder " + root + " does not exist; pass --data DIR "
                    + "(the folder holding point-a .. point-f).");
        }
        List<String> sites;
        try (Stream<Path> s = Files.list(root)) {
            sites = s.filter(p -> Files.isDirectory(p.resolve("images"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (sites.size() < 2) {
            throw new IllegalArgumentException("The FLAME-T folder " + root + " needs at least two site folders with images/ and labels/.");
        }
        List<List<Sample>> bySite = new ArrayList<>();
        for (String site : sites) {
            bySite.add(load(root.resolve(site), site));
        }
        List<ThermalParameters> grid = new ArrayList<>();
        for (double hot : HOT_LEVELS) {
            for (double fire : FIRE_LEVELS) {
                if (fire < hot) {
                    continue;
                }
                for (double delta : CONTEXT_DELTAS) {
                    for (double scene : SCENE_DELTAS) {
                        grid.add(DisplayScaledFrames.parameters(hot, fire, delta, scene));
                    }
                }
            }
        }
        // counts[site][parameter set]
        Counts[][] counts = new Counts[sites.size()][grid.size()];
        long total = bySite.stream().mapToLong(List::size).sum() * grid.size();
        ProgressBar pb = quiet ? null : new ProgressBarBuilder().setTaskName("evaluate thermal").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        try {
            for (int g = 0; g < grid.size(); g++) {
                ThermalHotspotDetector detector = new ThermalHotspotDetector(grid.get(g), (f, x, y) -> Double.NaN);
                for (int s = 0; s < sites.size(); s++) {
                    Counts c = new Counts();
                    for (Sample sample : bySite.get(s)) {
                        score(detector, sample, c);
                    }
                    counts[s][g] = c;
                    if (pb != null) {
                        pb.stepBy(bySite.get(s).size());
                    }
                }
            }
        } finally {
            if (pb != null) {
                pb.close();
            }
        }

        System.out.println("FLAME-T, 8-bit display-scaled frames; detector on grey levels; thresholds tuned on the other sites (leave-one-site-out)");
        System.out.printf(Locale.ROOT, "%-8s %6s %9s %12s %10s %18s %16s %12s  %s%n", "site", "frames", "fire box", "fire found", "other hot",
                "other called fire", "false fire/1000f", "no-fire fr.", "chosen (hot/fire/delta/scene)");
        Counts all = new Counts();
        java.util.Map<String, Counts> byCamera = new java.util.TreeMap<>();
        for (int s = 0; s < sites.size(); s++) {
            int best = 0;
            double bestScore = -Double.MAX_VALUE;
            for (int g = 0; g < grid.size(); g++) {
                Counts train = new Counts();
                for (int o = 0; o < sites.size(); o++) {
                    if (o != s) {
                        train.add(counts[o][g]);
                    }
                }
                if (train.score() > bestScore) {
                    bestScore = train.score();
                    best = g;
                }
            }
            Counts c = counts[s][best];
            all.add(c);
            ThermalHotspotDetector chosen = new ThermalHotspotDetector(grid.get(best), (f, x, y) -> Double.NaN);
            for (Sample sample : bySite.get(s)) {
                score(chosen, sample, byCamera.computeIfAbsent(camera(sample.name()), k -> new Counts()));
            }
            ThermalParameters p = grid.get(best);
            System.out.printf(Locale.ROOT, "%-8s %6d %9d %11.1f%% %10d %17.1f%% %16.0f %12s  %.0f/%.0f/%.0f/%.0f%n", sites.get(s), c.frames,
                    c.fireBoxes, 100 * c.recall(), c.otherBoxes, 100 * c.otherCalledFire(),
                    1000.0 * c.falseFireDetections / c.frames,
                    c.framesWithoutFire == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", c.alarmFramesWithoutFire, c.framesWithoutFire),
                    p.hotPixelMinC(), p.fireMinC(), p.contextMinDeltaC(), p.sceneMinDeltaC());
        }
        System.out.printf(Locale.ROOT, "%-8s %6d %9d %11.1f%% %10d %17.1f%% %16.0f %12s%n", "all", all.frames, all.fireBoxes,
                100 * all.recall(), all.otherBoxes, 100 * all.otherCalledFire(), 1000.0 * all.falseFireDetections / all.frames,
                all.framesWithoutFire == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", all.alarmFramesWithoutFire, all.framesWithoutFire));
        System.out.println("by camera (same held-out thresholds):");
        byCamera.forEach((cam, c) -> System.out.printf(Locale.ROOT, "%-8s %6d %9d %11.1f%% %10d %17.1f%% %16.0f %12s%n", cam, c.frames,
                c.fireBoxes, 100 * c.recall(), c.otherBoxes, 100 * c.otherCalledFire(), 1000.0 * c.falseFireDetections / c.frames,
                c.framesWithoutFire == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", c.alarmFramesWithoutFire, c.framesWithoutFire)));
        if (all.framesWithoutFire > 0) {
            System.out.printf(Locale.ROOT, "false alarms on frames without fire: %.0f per 1,000 frames (%d of %d frames raised a fire)%n",
                    1000.0 * all.alarmFramesWithoutFire / all.framesWithoutFire, all.alarmFramesWithoutFire, all.framesWithoutFire);
        }
        System.out.println("fire found = labelled fire boxes hit by a FIRE detection; other called fire = non-fire hot spots "
                + "(roofs, rocks, vehicles, people) hit by a FIRE detection that hits no fire box; false fire/1000f = FIRE "
                + "detections hitting no fire box, per 1,000 frames.");
        return 0;
    }

    static void score(ThermalHotspotDetector detector, Sample s, Counts c) {
        List<HotComponent> found = detector.analyse(s.image());
        c.frames++;
        c.fireBoxes += s.fire().size();
        c.otherBoxes += s.other().size();
        boolean noFire = s.fire().isEmpty();
        if (noFire) {
            c.framesWithoutFire++;
        }
        boolean[] fireHit = new boolean[s.fire().size()];
        boolean[] otherHit = new boolean[s.other().size()];
        boolean alarm = false;
        for (HotComponent h : found) {
            if (h.kind() != DetectionKind.FIRE) {
                continue;
            }
            alarm = true;
            boolean onFire = false;
            for (int i = 0; i < fireHit.length; i++) {
                if (hits(h, s.fire().get(i))) {
                    fireHit[i] = true;
                    onFire = true;
                }
            }
            if (!onFire) {
                c.falseFireDetections++;
                for (int i = 0; i < otherHit.length; i++) {
                    if (hits(h, s.other().get(i))) {
                        otherHit[i] = true;
                    }
                }
            }
        }
        for (boolean b : fireHit) {
            c.fireBoxesFound += b ? 1 : 0;
        }
        for (boolean b : otherHit) {
            c.otherBoxesCalledFire += b ? 1 : 0;
        }
        if (noFire && alarm) {
            c.alarmFramesWithoutFire++;
        }
    }

    /** A detection hits a labelled box when its hottest pixel lies in the box (2 px slack for loose labels) or the boxes overlap. */
    static boolean hits(HotComponent h, PixelBox label) {
        boolean peakInside = h.peakX() >= label.x() - 2 && h.peakX() <= label.x() + label.width() + 2
                && h.peakY() >= label.y() - 2 && h.peakY() <= label.y() + label.height() + 2;
        return peakInside || h.box().iou(label) > 0.1;
    }

    private static List<Sample> load(Path siteDir, String site) throws IOException {
        List<Sample> out = new ArrayList<>();
        List<Path> images;
        try (Stream<Path> s = Files.list(siteDir.resolve("images"))) {
            images = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$")).sorted().toList();
        }
        for (Path img : images) {
            String name = img.getFileName().toString();
            Path label = siteDir.resolve("labels").resolve(name.substring(0, name.lastIndexOf('.')) + ".txt");
            BufferedImage bi = ImageIO.read(img.toFile());
            if (bi == null) {
                System.err.println("skipped " + img + ": not a readable image");
                continue;
            }
            List<PixelBox> fire = new ArrayList<>();
            List<PixelBox> other = new ArrayList<>();
            if (Files.exists(label)) {
                int ln = 0;
                for (String line : Files.readAllLines(label)) {
                    ln++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 5) {
                        throw new IllegalArgumentException(label + ":" + ln + ": expected 'class cx cy w h' (YOLO), got '" + line + "'");
                    }
                    double cx = Double.parseDouble(f[1]) * bi.getWidth(), cy = Double.parseDouble(f[2]) * bi.getHeight();
                    double w = Double.parseDouble(f[3]) * bi.getWidth(), h = Double.parseDouble(f[4]) * bi.getHeight();
                    PixelBox b = new PixelBox((int) Math.floor(cx - w / 2), (int) Math.floor(cy - h / 2),
                            Math.max(1, (int) Math.ceil(w)), Math.max(1, (int) Math.ceil(h)));
                    (f[0].equals("1") ? fire : other).add(b);
                }
            }
            out.add(new Sample(site, name, DisplayScaledFrames.toDisplayUnits(bi), fire, other));
        }
        return out;
    }

    /** FLAME-T names frames after the camera: A35_12.jpeg, Tau_3.jpeg, Lepton_40.jpeg. */
    static String camera(String fileName) {
        int u = fileName.indexOf('_');
        return u > 0 ? fileName.substring(0, u) : "unknown";
    }

    static Path defaultData() {
        String shared = System.getProperty("skyshare.shared.dir");
        if (shared != null) {
            return Path.of(shared, "datasets", "thermal", "flame-t");
        }
        return Path.of("..", "shared", "datasets", "thermal", "flame-t");
    }
}
