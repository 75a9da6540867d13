package org.skyshare.vision.visual;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Where in a frame a classifier sees fire and smoke: per class, a grid of scores in [0, 1] laid over the whole
 * frame (the built-in model's 12x12 cells; the frame is squeezed to the model's square input, so a cell is
 * 1/12 of the frame's width by 1/12 of its height).
 *
 * @param rows  grid rows, top to bottom
 * @param cols  grid columns, left to right
 * @param fire  fire scores, row-major
 * @param smoke smoke scores, row-major
 */
public record HazardCells(int rows, int cols, float[] fire, float[] smoke) {
    /** A cell at or above this score is part of the hazard's region. */
    public static final double CELL_THRESHOLD = 0.5;

    public HazardCells {
        if (rows < 1 || cols < 1 || fire.length != rows * cols || smoke.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid needs " + rows * cols
                    + " fire and smoke scores, got " + fire.length + " and " + smoke.length);
        }
        fire = fire.clone();
        smoke = smoke.clone();
    }

    /**
     * The box around the region of the class's strongest cell: that cell plus the cells at or above
     * {@link #CELL_THRESHOLD} joined to it side by side, in the pixels of a {@code widthPx x heightPx} frame.
     * One region, not all of them: the detector reports the frame's strongest sighting; a second fire elsewhere
     * in the same frame is found when the drone's next frames centre on it.
     */
    public FireSmokeBox regionBox(FireSmokeClass kind, int widthPx, int heightPx, double score) {
        float[] cells = kind == FireSmokeClass.FIRE ? fire : smoke;
        int best = 0;
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] > cells[best]) {
                best = i;
            }
        }
        boolean[] seen = new boolean[cells.length];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(best);
        seen[best] = true;
        int minR = rows;
        int maxR = -1;
        int minC = cols;
        int maxC = -1;
        while (!todo.isEmpty()) {
            int i = todo.poll();
            int r = i / cols;
            int c = i % cols;
            minR = Math.min(minR, r);
            maxR = Math.max(maxR, r);
            minC = Math.min(minC, c);
            maxC = Math.max(maxC, c);
            int[] neighbours = {r > 0 ? i - cols : -1, r < rows - 1 ? i + cols : -1, c > 0 ? i - 1 : -1,
                    c < cols - 1 ? i + 1 : -1};
            for (int n : neighbours) {
                if (n >= 0 && !seen[n] && cells[n] >= CELL_THRESHOLD) {
                    seen[n] = true;
                    todo.add(n);
                }
            }
        }
        double x0 = (double) minC * widthPx / cols;
        double x1 = (double) (maxC + 1) * widthPx / cols;
        double y0 = (double) minR * heightPx / rows;
        double y1 = (double) (maxR + 1) * heightPx / rows;
        return new FireSmokeBox(kind, x0, y0, x1 - x0, y1 - y0, score);
    }

    /** A copy: the record stays immutable. */
    @Override
    public float[] fire() {
        return fire.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public float[] smoke() {
        return smoke.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HazardCells h && rows == h.rows && cols == h.cols
                && Arrays.equals(fire, h.fire) && Arrays.equals(smoke, h.smoke);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + 31 * Arrays.hashCode(fire) + Arrays.hashCode(smoke);
    }

    @Override
    public String toString() {
        return "HazardCells[" + rows + "x" + cols + "]";
    }
}
