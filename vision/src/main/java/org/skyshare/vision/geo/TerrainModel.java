package org.skyshare.vision.geo;

import java.util.OptionalDouble;

/** Ground height source (a DEM); empty where it has no data, and the flat-ground height is used. */
@FunctionalInterface
public interface TerrainModel {

    /** Flat ground at the pose's ground altitude everywhere. */
    TerrainModel FLAT = (latDeg, lonDeg) -> OptionalDouble.empty();

    OptionalDouble groundAltitudeAmslM(double latDeg, double lonDeg);
}
