package org.skyshare.vision.flood;

import org.locationtech.jts.geom.Geometry;

/**
 * The outcome of comparing the water seen in one frame with the river's normal extent. Geometries are in the
 * caller's coordinates (metres or lon/lat); areas are always square metres.
 *
 * @param waterFootprint  the water seen, on the ground
 * @param floodedArea     water beyond the normal extent plus the margin (empty when none)
 * @param floodedAreaM2   area of {@code floodedArea}
 * @param waterAreaM2     area of {@code waterFootprint}
 */
public record FloodResult(Geometry waterFootprint, Geometry floodedArea, double floodedAreaM2, double waterAreaM2) {
    public boolean isFlooded(double minAreaM2) {
        return floodedAreaM2 >= minAreaM2;
    }
}
