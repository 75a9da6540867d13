package org.skyshare.sim.vehicle;

/**
 * Flat-earth metres around the vehicle's home. Within a dock's few-kilometre radius the error of
 * this equirectangular projection is centimetres, far below what the kinematics model matters for.
 */
final class LocalTangent {
    private static final double EARTH_RADIUS_M = 6378137.0;
    private final double lat0;
    private final double lon0;
    private final double metresPerDegLat;
    private final double metresPerDegLon;

    LocalTangent(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.metresPerDegLat = Math.toRadians(1) * EARTH_RADIUS_M;
        this.metresPerDegLon = metresPerDegLat * Math.cos(Math.toRadians(lat0));
    }

    double eastM(double lonDeg) {
        return (lonDeg - lon0) * metresPerDegLon;
    }

    double northM(double latDeg) {
        return (latDeg - lat0) * metresPerDegLat;
    }

    double latDeg(double northM) {
        return lat0 + northM / metresPerDegLat;
    }

    double lonDeg(double eastM) {
        return lon0 + eastM / metresPerDegLon;
    }
}
