package org.skyshare.vision.visual;

/** How an ONNX fire/smoke model's first output is laid out. */
public enum OutputLayout {
    /** {@code [1, 2]} (or {@code [2]}): sigmoid scores for fire and smoke, as the built-in model returns. */
    SCORES,
    /**
     * A YOLOv8 detection head, {@code [1, 4 + classes, anchors]} or transposed {@code [1, anchors, 4 + classes]}:
     * box centre x, centre y, width, height in input pixels, then one sigmoid score per class, no objectness.
     */
    YOLOV8
}
