package org.skyshare.vision.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.skyshare.vision.visual.ColourCueClassifier;
import org.skyshare.vision.visual.FireColourCue;
import org.skyshare.vision.visual.FireSmokeClassifier;
import org.skyshare.vision.visual.FireSmokeDataset;
import org.skyshare.vision.visual.FireSmokeDataset.LabelledImage;
import org.skyshare.vision.visual.FireSmokeModel;
import org.skyshare.vision.visual.FireSmokeModelConfig;
import org.skyshare.vision.visual.FireSmokeScores;
import org.skyshare.vision.visual.OutputLayout;
import org.skyshare.vision.visual.VisualFireDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code skyshare evaluate fire}: fire/smoke precision, recall and accuracy on the held-out images, per dataset. */
@Command(name = "fire", mixinStandardHelpOptions = true,
        description = {"Visual fire/smoke classification on the held-out split (by video/source) of",
                "fire-smoke/roboflow-fire8 and fire-smoke/cair-fire: precision, recall, accuracy per dataset,",
                "for the model and for the colour rules alone, then model inference time per frame."})
public class EvaluateFireCommand implements Callable<Integer> {
    @Option(names = "--datasets", description = "folder holding fire-smoke/ and water/ (default: ../shared/datasets beside the repository)")
    Path datasets;

    @Option(names = "--model", description = "an ONNX model to evaluate instead of the built-in one")
    Path model;

    @Option(names = "--layout", description = "the model's output: SCORES (like the built-in) or YOLOV8 (default: ${DEFAULT-VALUE})")
    OutputLayout layout = OutputLayout.SCORES;

    @Option(names = "--input-size", description = "the model's square input size in px (default: 192, the built-in model's, or 640 for YOLOV8)")
    Integer inputSize;

    @Option(names = "--fire-class", description = "index of the fire class (default: ${DEFAULT-VALUE})")
    int fireClass = 0;

    @Option(names = "--smoke-class", description = "index of the smoke class, -1 for none (default: ${DEFAULT-VALUE})")
    int smokeClass = 1;

    @Option(names = "--threshold", description = "hazard score threshold (default: ${DEFAULT-VALUE})")
    double threshold = FireSmokeScores.DEFAULT_THRESHOLD;

    @Option(names = "--bench-runs", description = "model-only inference runs for the timing figure (default: ${DEFAULT-VALUE})")
    int benchRuns = 200;

    @Spec
    CommandSpec spec;

    /** Counts of one confusion matrix. */
    record Confusion(int tp, int fp, int fn, int tn, int unreadable) {
        Confusion add(boolean predicted, boolean truth) {
            return new Confusion(tp + (predicted && truth ? 1 : 0), fp + (predicted && !truth ? 1 : 0),
                    fn + (!predicted && truth ? 1 : 0), tn + (!predicted && !truth ? 1 : 0), unreadable);
        }

        Confusion skipped() {
            return new Confusion(tp, fp, fn, tn, unreadable + 1);
        }

        int n() {
            return tp + fp + fn + tn;
        }

        double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }

        double accuracy() {
            return n() == 0 ? Double.NaN : (double) (tp + tn) / n();
        }
    }

    /** The datasets folder: the option, else the launcher's shared folder, else ../shared/datasets from here. */
    static Path datasetsFolder(Path option) {
        Path folder = option;
        if (folder == null) {
            String shared = System.getProperty("skyshare.shared.dir");
            String repo = System.getProperty("skyshare.repo.dir");
            folder = shared != null ? Path.of(shared, "datasets")
                    : repo != null ? Path.of(repo).resolve("../shared/datasets").normalize()
                    : Path.of("..", "shared", "datasets");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Datasets folder " + folder.toAbsolutePath()
                    + " does not exist; pass --datasets DIR (the folder holding fire-smoke/ and water/).");
        }
        return folder;
    }

    static BufferedImage readImage(Path p) {
        try {
            return ImageIO.read(p.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static ProgressBar progress(String task, long total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    FireSmokeModelConfig modelConfig() {
        if (model == null) {
            return FireSmokeModelConfig.builtIn();
        }
        int size = inputSize != null ? inputSize : layout == OutputLayout.YOLOV8 ? 640 : FireSmokeModelConfig.BUILT_IN_INPUT_PX;
        return layout == OutputLayout.YOLOV8 ? FireSmokeModelConfig.yoloV8(model, size, fireClass, smokeClass)
                : new FireSmokeModelConfig(model, layout, size, size, fireClass, smokeClass, 0, 0);
    }

    @Override
    public Integer call() {
        Path folder = datasetsFolder(datasets);
        Map<String, List<LabelledImage>> sets = new LinkedHashMap<>();
        sets.put("roboflow-fire8", FireSmokeDataset.heldOut(FireSmokeDataset.roboflow(folder)));
        sets.put("cair-fire", FireSmokeDataset.heldOut(FireSmokeDataset.cair(folder)));
        int total = sets.values().stream().mapToInt(List::size).sum();
        PrintWriter out = spec.commandLine().getOut();
        try (FireSmokeModel m = FireSmokeModel.load(modelConfig())) {
            ColourCueClassifier colour = new ColourCueClassifier();
            Map<String, Confusion> learned = new LinkedHashMap<>();
            Map<String, Confusion> rules = new LinkedHashMap<>();
            VisualFireDetector detector = new VisualFireDetector(m, new FireColourCue(), threshold);
            long classifyNanos = 0;
            int classified = 0;
            int labelledHazards = 0;
            int located = 0;
            try (ProgressBar bar = progress("evaluate fire", total)) {
                for (Map.Entry<String, List<LabelledImage>> e : sets.entrySet()) {
                    Confusion cm = new Confusion(0, 0, 0, 0, 0);
                    Confusion cc = new Confusion(0, 0, 0, 0, 0);
                    for (LabelledImage i : e.getValue()) {
                        BufferedImage img = readImage(i.path());
                        if (img == null) {
                            cm = cm.skipped();
                            cc = cc.skipped();
                        } else {
                            long t0 = System.nanoTime();
                            FireSmokeScores s = m.classify(img);
                            classifyNanos += System.nanoTime() - t0;
                            classified++;
                            cm = cm.add(s.isHazard(threshold), i.hazard());
                            cc = cc.add(colour.classify(img).isHazard(threshold), i.hazard());
                            if (s.isHazard(threshold) && !i.boxes().isEmpty()) {
                                labelledHazards++;
                                located += i.locatedBy(detector.detect(img), img.getWidth(), img.getHeight()) ? 1 : 0;
                            }
                        }
                        bar.step();
                    }
                    learned.put(e.getKey(), cm);
                    rules.put(e.getKey(), cc);
                }
            }
            String name = model == null ? "built-in fire-smoke.onnx" : model.toString();
            out.printf(Locale.ROOT, "Held-out split by video/source (datasets: %s), hazard = max(fire, smoke) >= %.2f%n",
                    folder.toAbsolutePath().normalize(), threshold);
            out.printf(Locale.ROOT, "%-26s %-15s %5s %4s %4s %4s %4s %9s %7s %8s%n",
                    "classifier", "dataset", "n", "tp", "fp", "fn", "tn", "precision", "recall", "accuracy");
            print(out, name, learned);
            print(out, "colour rules only", rules);
            out.printf(Locale.ROOT, "located: the detector's strongest box centred on a labelled fire/smoke box"
                    + " (within 1/24 of the frame) in %d of %d frames called a hazard that have boxes (%.3f)%n",
                    located, labelledHazards, labelledHazards == 0 ? 0.0 : (double) located / labelledHazards);
            int unreadable = learned.values().stream().mapToInt(Confusion::unreadable).sum();
            if (unreadable > 0) {
                out.printf("%d image(s) could not be decoded and were skipped%n", unreadable);
            }
            out.printf(Locale.ROOT, "inference incl. resize, held-out frames: %.2f ms/frame (%d frames)%n",
                    classifyNanos / 1e6 / Math.max(1, classified), classified);
            out.printf(Locale.ROOT, "inference at the model's input size %dx%d: %.2f ms/frame (median of %d runs after warm-up)%n",
                    m.config().inputWidthPx(), m.config().inputHeightPx(), benchmark(m), benchRuns);
            BufferedImage hd = noise(1920, 1080);
            out.printf(Locale.ROOT, "whole 1920x1080 frame: model incl. resize %.2f ms, colour cue %.2f ms (median of %d runs)%n",
                    medianMs(() -> m.classify(hd), benchRuns / 4), medianMs(() -> new FireColourCue()
                            .analyse(hd), benchRuns / 4), Math.max(1, benchRuns / 4));
            out.flush();
        }
        return 0;
    }

    private static void print(PrintWriter out, String name, Map<String, Confusion> rows) {
        for (Map.Entry<String, Confusion> e : rows.entrySet()) {
            Confusion c = e.getValue();
            out.printf(Locale.ROOT, "%-26s %-15s %5d %4d %4d %4d %4d %9.3f %7.3f %8.3f%n",
                    shorten(name), e.getKey(), c.n(), c.tp(), c.fp(), c.fn(), c.tn(), c.precision(), c.recall(), c.accuracy());
        }
    }

    private static String shorten(String s) {
        return s.length() <= 26 ? s : "..." + s.substring(s.length() - 23);
    }

    private double benchmark(FireSmokeClassifier m) {
        FireSmokeModelConfig c = modelConfig();
        BufferedImage img = noise(c.inputWidthPx(), c.inputHeightPx());
        return medianMs(() -> m.classify(img), benchRuns);
    }

    /** A frame of seeded random colours: timing must not depend on the content. */
    static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt(0x1000000));
            }
        }
        return img;
    }

    /** Median wall time of {@code runs} calls after 10 warm-up calls. */
    static double medianMs(Runnable task, int runs) {
        for (int i = 0; i < 10; i++) {
            task.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < Math.max(1, runs); i++) {
            long t0 = System.nanoTime();
            task.run();
            times.add(System.nanoTime() - t0);
        }
        times.sort(null);
        return times.get(times.size() / 2) / 1e6;
    }
}
