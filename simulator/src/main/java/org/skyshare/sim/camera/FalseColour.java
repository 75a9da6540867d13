package org.skyshare.sim.camera;

import java.awt.image.BufferedImage;

/** An ironbow rendering of a radiometric frame, for people to look at (not for measuring). */
public final class FalseColour {
    private static final int[] STOPS = {0x000010, 0x20008a, 0x8a0095, 0xd8363a, 0xf78a00, 0xfcd43a, 0xffffe0};

    private FalseColour() {
    }

    /** Colours from {@code minC} (dark) to {@code maxC} (white); hotter pixels saturate. */
    public static BufferedImage ironbow(RadiometricFrame f, double minC, double maxC) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                double t = (f.temperatureC(x, y) - minC) / (maxC - minC);
                img.setRGB(x, y, colour(Math.max(0, Math.min(1, t))));
            }
        }
        return img;
    }

    private static int colour(double t) {
        double p = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) p);
        double u = p - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        int r = (int) (((a >> 16) & 0xff) * (1 - u) + ((b >> 16) & 0xff) * u);
        int g = (int) (((a >> 8) & 0xff) * (1 - u) + ((b >> 8) & 0xff) * u);
        int bl = (int) ((a & 0xff) * (1 - u) + (b & 0xff) * u);
        return (r << 16) | (g << 8) | bl;
    }
}
