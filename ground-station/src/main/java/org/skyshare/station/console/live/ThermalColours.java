package org.skyshare.station.console.live;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.skyshare.vision.frame.ThermalImage;

/** Renders a radiometric image with an "iron" palette stretched between its own min and max. */
public final class ThermalColours {
    private static final int[] IRON = buildIron();

    private ThermalColours() {
    }

    public static WritableImage render(ThermalImage t) {
        float[] temps = t.temperaturesC();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : temps) {
            if (!Float.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float span = Math.max(1e-3f, max - min);
        int[] argb = new int[temps.length];
        for (int i = 0; i < temps.length; i++) {
            float v = temps[i];
            int idx = Float.isNaN(v) ? 0 : (int) ((v - min) / span * 255);
            argb[i] = IRON[Math.max(0, Math.min(255, idx))];
        }
        WritableImage img = new WritableImage(t.width(), t.height());
        img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), argb, 0, t.width());
        return img;
    }

    private static int[] buildIron() {
        // black -> purple -> red -> orange -> yellow -> white
        double[][] stops = {{0, 0, 0, 0}, {0.25, 80, 0, 130}, {0.5, 200, 30, 40}, {0.7, 240, 120, 0},
            {0.88, 255, 220, 40}, {1, 255, 255, 255}};
        int[] out = new int[256];
        for (int i = 0; i < 256; i++) {
            double f = i / 255.0;
            int s = 0;
            while (s < stops.length - 2 && f > stops[s + 1][0]) {
                s++;
            }
            double t = (f - stops[s][0]) / (stops[s + 1][0] - stops[s][0]);
            int r = (int) (stops[s][1] + t * (stops[s + 1][1] - stops[s][1]));
            int g = (int) (stops[s][2] + t * (stops[s + 1][2] - stops[s][2]));
            int b = (int) (stops[s][3] + t * (stops[s + 1][3] - stops[s][3]));
            out[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }
}
