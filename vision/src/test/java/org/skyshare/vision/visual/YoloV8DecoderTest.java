package org.skyshare.vision.visual;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class YoloV8DecoderTest {
    /** anchors: (cx, cy, w, h, fire, smoke) in 640x640 input pixels. */
    private static final float[][] ANCHORS = {
            {320, 320, 100, 100, 0.9f, 0.1f},   // fire
            {330, 320, 100, 100, 0.8f, 0.1f},   // same fire, weaker: suppressed
            {100, 200, 60, 40, 0.05f, 0.6f},    // smoke
            {500, 500, 50, 50, 0.1f, 0.2f},     // below the score floor
            {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
    /** A 1280x960 frame letterboxed into 640x640: scale 0.5, 80 px bars top and bottom. */
    private static final YoloV8Decoder.Letterbox BOX = new YoloV8Decoder.Letterbox(0.5, 0, 80, 1280, 960);

    private static float[] channelsFirst() {
        float[] v = new float[6 * ANCHORS.length];
        for (int a = 0; a < ANCHORS.length; a++) {
            for (int f = 0; f < 6; f++) {
                v[f * ANCHORS.length + a] = ANCHORS[a][f];
            }
        }
        return v;
    }

    private static float[] anchorsFirst() {
        float[] v = new float[6 * ANCHORS.length];
        for (int a = 0; a < ANCHORS.length; a++) {
            System.arraycopy(ANCHORS[a], 0, v, a * 6, 6);
        }
        return v;
    }

    @Test
    void decodesBoxesIntoFramePixelsWithSuppression() {
        List<FireSmokeBox> boxes = new YoloV8Decoder(0, 1, 0.25, 0.45)
                .decode(channelsFirst(), new long[] {1, 6, ANCHORS.length}, BOX);
        assertThat(boxes).hasSize(2);
        FireSmokeBox fire = boxes.get(0);
        assertThat(fire.kind()).isEqualTo(FireSmokeClass.FIRE);
        assertThat(fire.score()).isCloseTo(0.9, within(1e-6));
        assertThat(fire.xPx()).isCloseTo(540, within(1e-6));
        assertThat(fire.yPx()).isCloseTo(380, within(1e-6));
        assertThat(fire.widthPx()).isCloseTo(200, within(1e-6));
        assertThat(fire.heightPx()).isCloseTo(200, within(1e-6));
        FireSmokeBox smoke = boxes.get(1);
        assertThat(smoke.kind()).isEqualTo(FireSmokeClass.SMOKE);
        assertThat(smoke.xPx()).isCloseTo(140, within(1e-6));
        assertThat(smoke.yPx()).isCloseTo(200, within(1e-6));
    }

    @Test
    void transposedOutputDecodesTheSame() {
        YoloV8Decoder d = new YoloV8Decoder(0, 1, 0.25, 0.45);
        List<FireSmokeBox> transposed = d.decode(anchorsFirst(), new long[] {1, ANCHORS.length, 6}, BOX);
        assertThat(transposed).hasSize(2);
        assertThat(transposed).isEqualTo(d.decode(channelsFirst(), new long[] {1, 6, ANCHORS.length}, BOX));
    }

    @Test
    void rejectsAClassIndexTheModelDoesNotHave() {
        assertThatThrownBy(() -> new YoloV8Decoder(0, 2, 0.25, 0.45)
                .decode(channelsFirst(), new long[] {1, 6, ANCHORS.length}, BOX))
                .hasMessageContaining("2 classes");
    }
}
