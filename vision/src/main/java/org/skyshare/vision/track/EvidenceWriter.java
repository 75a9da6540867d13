package org.skyshare.vision.track;

import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Saves a frame as a JPEG with a detection drawn on it: the box, kind, confidence and, for thermal
 * readings, the peak temperature. Thermal frames are rendered in an iron palette over the frame's
 * own range. Written to a temporary file and moved into place, so a reader never sees half a JPEG.
 */
public final class EvidenceWriter {
    private final Path folder;

    public EvidenceWriter(Path folder) {
        this.folder = folder;
    }

    public Path write(String name, Frame frame, Detection d) {
        BufferedImage img = frame.isThermal() ? render(frame.thermal()) : copy(frame.rgb());
        draw(img, d);
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name + ".jpg");
            Path tmp = Files.createTempFile(folder, name, ".jpg.tmp");
            try {
                if (!ImageIO.write(img, "jpg", tmp.toFile())) {
                    throw new IOException("no JPEG writer");
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence image for " + name + " cannot be written to " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Draws a label and encodes a small JPEG in memory: fonts and the JPEG writer load on first use,
     * which would otherwise delay the first incident's alert by a few hundred milliseconds.
     */
    public static void warmUp() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        draw(img, new Detection(DetectionKind.FIRE, 0.9, new PixelBox(8, 8, 16, 16), 400, 300, null, Double.NaN,
                Sensor.THERMAL, 0, java.time.Instant.EPOCH, "warm-up"));
        try {
            ImageIO.write(img, "jpg", new java.io.ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no JPEG writer: " + e.getMessage(), e);
        }
    }

    static void draw(BufferedImage img, Detection d) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int stroke = Math.max(2, img.getWidth() / 320);
        int pad = stroke * 2;
        g.setStroke(new BasicStroke(stroke));
        g.setColor(switch (d.kind()) {
            case FIRE -> Color.RED;
            case SMOKE -> Color.LIGHT_GRAY;
            case HOTSPOT -> Color.ORANGE;
            case FLOOD -> Color.CYAN;
        });
        g.drawRect(d.box().x() - pad, d.box().y() - pad, d.box().width() + 2 * pad, d.box().height() + 2 * pad);
        String label = d.kind().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, " %.0f%%", d.confidence() * 100)
                + (d.hasTemperature() ? String.format(Locale.ROOT, " %.0f C", d.peakTemperatureC()) : "");
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, img.getHeight() / 40)));
        int ty = d.box().y() - pad - 4 < 14 ? d.box().y() + d.box().height() + pad + 16 : d.box().y() - pad - 4;
        g.drawString(label, Math.max(2, d.box().x() - pad), ty);
        g.dispose();
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Iron-like palette from the 1st to the 99.9th percentile, so a fire does not wash the scene out. */
    static BufferedImage render(ThermalImage t) {
        float[] v = t.temperaturesC();
        float[] sample = new float[Math.min(v.length, 4096)];
        int step = Math.max(1, v.length / sample.length);
        int n = 0;
        for (int i = 0; i < v.length && n < sample.length; i += step) {
            sample[n++] = v[i];
        }
        java.util.Arrays.sort(sample, 0, n);
        float lo = sample[(int) (n * 0.01)];
        float hi = Math.max(lo + 1, sample[Math.min(n - 1, (int) (n * 0.999))]);
        BufferedImage out = new BufferedImage(t.width(), t.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                double f = Math.max(0, Math.min(1, (t.temperatureC(x, y) - lo) / (hi - lo)));
                int r = (int) (255 * Math.min(1, f * 1.8));
                int gr = (int) (255 * Math.max(0, Math.min(1, (f - 0.35) * 1.6)));
                int b = (int) (255 * Math.max(0, f < 0.35 ? f * 1.8 : Math.max(0, (f - 0.8) * 5)));
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }
}
