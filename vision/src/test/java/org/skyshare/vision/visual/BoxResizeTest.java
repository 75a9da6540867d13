package org.skyshare.vision.visual;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class BoxResizeTest {
    @Test
    void averagesEachBoxAndRoundsToBytes() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] reds = {10, 11, 200, 100, 20, 21, 0, 1};
        for (int i = 0; i < reds.length; i++) {
            img.setRGB(i % 4, i / 4, reds[i] << 16 | 7 << 8 | 255);
        }
        float[] chw = BoxResize.toChw(img, 2, 1);
        // box (0..2, 0..2) mean red 15.5 -> 16; box (2..4) mean 75.25 -> 75
        assertThat(chw[0]).isEqualTo(16 / 255f);
        assertThat(chw[1]).isEqualTo(75 / 255f);
        assertThat(chw[2]).isEqualTo(7 / 255f);
        assertThat(chw[4]).isEqualTo(1f);
    }

    @Test
    void upscalingRepeatsPixels() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x102030);
        img.setRGB(1, 0, 0x405060);
        float[] chw = BoxResize.toChw(img, 4, 2);
        assertThat(chw[0]).isEqualTo(0x10 / 255f);
        assertThat(chw[1]).isEqualTo(0x10 / 255f);
        assertThat(chw[2]).isEqualTo(0x40 / 255f);
        assertThat(chw[7]).isEqualTo(0x40 / 255f);
    }

    @Test
    void readsEveryImageTypeAsTheSameColours() {
        java.util.Random random = new java.util.Random(11);
        int w = 37;
        int h = 23;
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt() & 0xffffff;
        }
        float[] reference = null;
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = new BufferedImage(w, h, type);
            img.setRGB(0, 0, w, h, rgb, 0, w);
            assertThat(BoxResize.rgbPixels(img)).as("type %d", type).containsExactly(rgb);
            float[] chw = BoxResize.toChw(img, 8, 5);
            if (reference == null) {
                reference = chw;
            }
            assertThat(chw).as("type %d", type).containsExactly(reference);
        }
    }
}
