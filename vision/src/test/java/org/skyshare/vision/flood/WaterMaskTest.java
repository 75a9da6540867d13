package org.skyshare.vision.flood;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaterMaskTest {
    @Test
    void iouOfOverlappingMasks() {
        BitSet a = new BitSet();
        a.set(0, 10);
        BitSet b = new BitSet();
        b.set(5, 15);
        WaterMask ma = new WaterMask(10, 2, a);
        WaterMask mb = new WaterMask(10, 2, b);
        assertThat(ma.iou(mb)).isEqualTo(5.0 / 15);
        assertThat(ma.waterFraction()).isEqualTo(0.5);
        assertThat(mb.isWater(4, 0)).isFalse();
        assertThat(mb.isWater(5, 0)).isTrue();
    }

    @Test
    void maskIsImmutable() {
        BitSet a = new BitSet();
        a.set(3);
        WaterMask m = new WaterMask(4, 4, a);
        a.set(4);
        m.bits().set(5);
        assertThat(m.waterPixels()).isEqualTo(1);
    }

    @Test
    void rejectsBitsOutsideTheFrameAndMismatchedSizes() {
        BitSet a = new BitSet();
        a.set(16);
        assertThatThrownBy(() -> new WaterMask(4, 4, a)).hasMessageContaining("4x4");
        assertThatThrownBy(() -> new WaterMask(4, 4, new BitSet()).iou(new WaterMask(4, 5, new BitSet())))
                .hasMessageContaining("differ");
    }
}
