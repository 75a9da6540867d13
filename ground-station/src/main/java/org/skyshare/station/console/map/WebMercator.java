package org.skyshare.station.console.map;

/**
 * Spherical Web Mercator (EPSG:3857) in normalised world units: x and y run 0..1 across the
 * whole world, y down, so one tile at zoom z spans 1/2^z. Keeping geometry in these units lets
 * the map project once at load time and only scale and shift while drawing.
 */
public final class WebMercator {
    public static final double TILE_SIZE_PX = 256.0;
    public static final double MAX_LAT_DEG = 85.05112878;
    private static final double EARTH_CIRCUMFERENCE_M = 40_075_016.686;

    private WebMercator() {
    }

    public static double x(double lonDeg) {
        return (lonDeg + 180.0) / 360.0;
    }

    public static double y(double latDeg) {
        double lat = Math.toRadians(Math.max(-MAX_LAT_DEG, Math.min(MAX_LAT_DEG, latDeg)));
        return (1.0 - Math.log(Math.tan(lat) + 1.0 / Math.cos(lat)) / Math.PI) / 2.0;
    }

    public static double lonDeg(double x) {
        return x * 360.0 - 180.0;
    }

    public static double latDeg(double y) {
        double n = Math.PI - 2.0 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Ground metres covered by one world unit at a latitude (Mercator stretches towards the poles). */
    public static double metresPerUnit(double latDeg) {
        return EARTH_CIRCUMFERENCE_M * Math.cos(Math.toRadians(latDeg));
    }

    /** Pixels per world unit at a (fractional) zoom level. */
    public static double pixelsPerUnit(double zoom) {
        return TILE_SIZE_PX * Math.pow(2.0, zoom);
    }
}
