package org.skyshare.vision.flood;

/** The coordinates a {@link PixelToGround} returns and the normal river extent is given in. */
public enum GroundUnits {
    /** Local metres, x east and y north. */
    METRES,
    /** WGS84 longitude (x) and latitude (y) in degrees; areas are computed on a local tangent plane. */
    LON_LAT
}
