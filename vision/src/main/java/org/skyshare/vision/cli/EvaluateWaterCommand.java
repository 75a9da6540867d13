package org.skyshare.vision.cli;

import me.tongfei.progressbar.ProgressBar;
import org.skyshare.vision.flood.OnnxWaterSegmenter;
import org.skyshare.vision.flood.RiverSegDataset;
import org.skyshare.vision.flood.WaterMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skyshare evaluate water}: IoU of the water mask on the held-out river-seg photos. */
@Command(name = "water", mixinStandardHelpOptions = true,
        description = {"Water segmentation on the held-out split of water/river-seg (blocks of ten consecutive",
                "photos): pooled and mean per-image IoU of the water mask at full resolution, and time per frame."})
public class EvaluateWaterCommand implements Callable<Integer> {
    @Option(names = "--datasets", description = "folder holding fire-smoke/ and water/ (default: ../shared/datasets beside the repository)")
    Path datasets;

    @Option(names = "--model", description = "an ONNX segmentation model to evaluate instead of the built-in one")
    Path model;

    @Option(names = "--input-size", description = "the model's square input size in px (default: ${DEFAULT-VALUE})")
    int inputSize = OnnxWaterSegmenter.BUILT_IN_INPUT_PX;

    @Option(names = "--threshold", description = "water probability threshold (default: ${DEFAULT-VALUE})")
    double threshold = 0.5;

    @Option(names = "--bench-runs", description = "runs for the 1920x1080 timing figure (default: ${DEFAULT-VALUE})")
    int benchRuns = 30;

    @Spec
    CommandSpec spec;

    static WaterMask readMask(Path png) {
        BufferedImage img = EvaluateFireCommand.readImage(png);
        if (img == null) {
            return null;
        }
        Raster r = img.getRaster();
        BitSet bits = new BitSet(img.getWidth() * img.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (r.getSample(x, y, 0) > 0) {
                    bits.set(y * img.getWidth() + x);
                }
            }
        }
        return new WaterMask(img.getWidth(), img.getHeight(), bits);
    }

    @Override
    public Integer call() {
        Path folder = EvaluateFireCommand.datasetsFolder(datasets);
        List<RiverSegDataset.Sample> held = RiverSegDataset.heldOut(folder);
        PrintWriter out = spec.commandLine().getOut();
        long inter = 0;
        long union = 0;
        double sumIou = 0;
        int n = 0;
        int skipped = 0;
        long nanos = 0;
        List<Double> ious = new ArrayList<>();
        double hdMs;
        try (OnnxWaterSegmenter seg = model == null ? OnnxWaterSegmenter.builtIn()
                : OnnxWaterSegmenter.load(model, inputSize, threshold);
             ProgressBar bar = EvaluateFireCommand.progress("evaluate water", held.size())) {
            for (RiverSegDataset.Sample s : held) {
                BufferedImage img = EvaluateFireCommand.readImage(s.image());
                WaterMask truth = readMask(s.mask());
                if (img == null || truth == null || truth.width() != img.getWidth() || truth.height() != img.getHeight()) {
                    skipped++;
                    bar.step();
                    continue;
                }
                long t0 = System.nanoTime();
                WaterMask pred = seg.segment(img);
                nanos += System.nanoTime() - t0;
                BitSet i = pred.bits();
                i.and(truth.bits());
                BitSet u = pred.bits();
                u.or(truth.bits());
                inter += i.cardinality();
                union += u.cardinality();
                double iou = pred.iou(truth);
                ious.add(iou);
                sumIou += iou;
                n++;
                bar.step();
            }
            BufferedImage hd = EvaluateFireCommand.noise(1920, 1080);
            hdMs = EvaluateFireCommand.medianMs(() -> seg.segment(hd), benchRuns);
        }
        ious.sort(null);
        out.printf(Locale.ROOT, "Held-out split of water/river-seg (datasets: %s): %d photos%n",
                folder.toAbsolutePath().normalize(), n);
        out.printf(Locale.ROOT, "water IoU pooled over all pixels: %.3f%n", union == 0 ? Double.NaN : (double) inter / union);
        out.printf(Locale.ROOT, "water IoU mean per photo: %.3f (median %.3f, worst %.3f)%n", sumIou / Math.max(1, n),
                n == 0 ? Double.NaN : ious.get(n / 2), n == 0 ? Double.NaN : ious.get(0));
        if (skipped > 0) {
            out.printf("%d photo(s) skipped: unreadable image or mask, or sizes differ%n", skipped);
        }
        out.printf(Locale.ROOT, "segmentation incl. resize and full-size mask: %.2f ms/frame (%dx%d model input)%n",
                nanos / 1e6 / Math.max(1, n), inputSize, inputSize);
        out.printf(Locale.ROOT, "whole 1920x1080 frame incl. resize and full-size mask: %.2f ms (median of %d runs)%n",
                hdMs, Math.max(1, benchRuns));
        out.flush();
        return 0;
    }
}
