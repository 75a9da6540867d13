package org.skyshare.vision.visual;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HazardCellsTest {
    /** A 4x6 grid; each string is a row, digits are tenths of a score. */
    private static float[] grid(String... rows) {
        float[] v = new float[rows.length * rows[0].length()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                v[r * rows[r].length() + c] = (rows[r].charAt(c) - '0') / 10f;
            }
        }
        return v;
    }

    @Test
    void boxCoversTheStrongestCellAndTheStrongCellsJoinedToIt() {
        float[] fire = grid(
                "000000",
                "068000",
                "059007",
                "000007");
        HazardCells cells = new HazardCells(4, 6, fire, new float[24]);
        // strongest cell (2, 2) = 0.9; joined: (1, 1), (1, 2), (2, 1); the 0.7 pair on the right is another region
        FireSmokeBox box = cells.regionBox(FireSmokeClass.FIRE, 600, 400, 0.93);
        assertThat(box.kind()).isEqualTo(FireSmokeClass.FIRE);
        assertThat(box.xPx()).isEqualTo(100.0);
        assertThat(box.yPx()).isEqualTo(100.0);
        assertThat(box.widthPx()).isEqualTo(200.0);
        assertThat(box.heightPx()).isEqualTo(200.0);
        assertThat(box.score()).isEqualTo(0.93);
    }

    @Test
    void diagonalCellsAreNotJoinedAndAWeakPeakIsItsOwnCell() {
        float[] smoke = grid(
                "400000",
                "040000",
                "000000",
                "000000");
        HazardCells cells = new HazardCells(4, 6, new float[24], smoke);
        // no cell reaches 0.5: the box is the strongest cell alone (the first of the two 0.4s)
        FireSmokeBox box = cells.regionBox(FireSmokeClass.SMOKE, 1920, 1080, 0.6);
        assertThat(box.xPx()).isEqualTo(0.0);
        assertThat(box.yPx()).isEqualTo(0.0);
        assertThat(box.widthPx()).isEqualTo(320.0);
        assertThat(box.heightPx()).isEqualTo(270.0);
    }

    @Test
    void aGridOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new HazardCells(12, 12, new float[144], new float[143]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12x12").hasMessageContaining("143");
    }
}
