package org.skyshare.vision.geo;

import org.skyshare.vision.frame.Frame;

/** Ground size of one pixel of a frame at a pixel position, for detection areas. */
@FunctionalInterface
public interface GroundScale {

    /** No pose, no scale: areas stay unknown. */
    GroundScale UNKNOWN = (frame, xPx, yPx) -> Double.NaN;

    /** Metres on the ground per pixel side at the pixel {@code (xPx, yPx)}, NaN when unknown. */
    double metresPerPixel(Frame frame, double xPx, double yPx);
}
