package org.skyshare.vision.visual;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FireColourCueTest {
    private static BufferedImage forest(boolean withFlame) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 80, 35));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(90, 90, 95));
        g.fillRect(0, 0, 320, 60);
        if (withFlame) {
            g.setColor(new Color(255, 170, 30));
            g.fillRect(200, 120, 40, 30);
        }
        g.dispose();
        return img;
    }

    @Test
    void findsAndPlacesAFlameColouredPatch() {
        FireColourCue.Result r = new FireColourCue(320).analyse(forest(true));
        assertThat(r.fireFraction()).isCloseTo(40.0 * 30 / (320 * 240), within(1e-9));
        assertThat(r.box()).isNotNull();
        assertThat(r.box().xPx()).isEqualTo(200);
        assertThat(r.box().yPx()).isEqualTo(120);
        assertThat(r.box().widthPx()).isEqualTo(40);
        assertThat(r.box().heightPx()).isEqualTo(30);
    }

    @Test
    void forestWithoutFlameHasNoFireColour() {
        FireColourCue.Result r = new FireColourCue().analyse(forest(false));
        assertThat(r.fireFraction()).isZero();
        assertThat(r.box()).isNull();
        assertThat(new ColourCueClassifier().classify(forest(false)).isHazard()).isFalse();
        assertThat(new ColourCueClassifier().classify(forest(true)).isHazard()).isTrue();
    }

    @Test
    void subsamplingKeepsTheFractionClose() {
        FireColourCue.Result r = new FireColourCue(80).analyse(forest(true));
        assertThat(r.fireFraction()).isCloseTo(40.0 * 30 / (320 * 240), within(0.003));
    }
}
