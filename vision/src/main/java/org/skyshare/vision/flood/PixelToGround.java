package org.skyshare.vision.flood;

import org.locationtech.jts.geom.Coordinate;

/**
 * Where a pixel of the frame lies on the ground, in the coordinates of the river's normal extent: local metres
 * (x east, y north) or lon/lat degrees, as {@link GroundUnits} says. Pixel coordinates are continuous, (0, 0)
 * being the top-left corner of the top-left pixel. Returns {@code null} for a pixel that sees no ground (sky).
 */
@FunctionalInterface
public interface PixelToGround {
    Coordinate toGround(double xPx, double yPx);
}
