package org.skyshare.station.console.map;

/** A WGS84 position in degrees. */
public record LatLon(double latDeg, double lonDeg) {
    public double worldX() {
        return WebMercator.x(lonDeg);
    }

    public double worldY() {
        return WebMercator.y(latDeg);
    }

    public static LatLon ofWorld(double x, double y) {
        return new LatLon(WebMercator.latDeg(y), WebMercator.lonDeg(x));
    }
}
