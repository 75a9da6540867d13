package org.skyshare.sim.world;

/**
 * East-north-up tangent plane at an origin on the WGS84 ellipsoid. The simulated ground is this
 * plane, so a few metres of earth curvature over the sample area are ignored on purpose: the camera
 * and the ground truth use the same plane, and georeferencing on the station side sees the same
 * flat ground it assumes.
 */
public final class LocalFrame {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private final double lat0;
    private final double lon0;
    private final double[] origin;
    private final double sinLat;
    private final double cosLat;
    private final double sinLon;
    private final double cosLon;

    public LocalFrame(double originLatDeg, double originLonDeg) {
        this.lat0 = originLatDeg;
        this.lon0 = originLonDeg;
        this.origin = ecef(originLatDeg, originLonDeg, 0);
        double phi = Math.toRadians(originLatDeg);
        double lam = Math.toRadians(originLonDeg);
        sinLat = Math.sin(phi);
        cosLat = Math.cos(phi);
        sinLon = Math.sin(lam);
        cosLon = Math.cos(lam);
    }

    public double originLatDeg() {
        return lat0;
    }

    public double originLonDeg() {
        return lon0;
    }

    /** East and north metres of a position on the ellipsoid. */
    public XY toLocal(double latDeg, double lonDeg) {
        double[] p = ecef(latDeg, lonDeg, 0);
        double dx = p[0] - origin[0];
        double dy = p[1] - origin[1];
        double dz = p[2] - origin[2];
        double e = -sinLon * dx + cosLon * dy;
        double n = -sinLat * cosLon * dx - sinLat * sinLon * dy + cosLat * dz;
        return new XY(e, n);
    }

    /** Latitude and longitude of a point of the tangent plane, as [latDeg, lonDeg]. */
    public double[] toGeo(double eastM, double northM) {
        // the plane point lies slightly above the ellipsoid; dropping it along the normal is what a
        // ground pixel means, so convert ECEF back with the usual iteration and ignore the height
        double x = origin[0] - sinLon * eastM - sinLat * cosLon * northM;
        double y = origin[1] + cosLon * eastM - sinLat * sinLon * northM;
        double z = origin[2] + cosLat * northM;
        double lon = Math.atan2(y, x);
        double p = Math.hypot(x, y);
        double lat = Math.atan2(z, p * (1 - E2));
        for (int i = 0; i < 5; i++) {
            double s = Math.sin(lat);
            double n = A / Math.sqrt(1 - E2 * s * s);
            double h = p / Math.cos(lat) - n;
            lat = Math.atan2(z, p * (1 - E2 * n / (n + h)));
        }
        return new double[] {Math.toDegrees(lat), Math.toDegrees(lon)};
    }

    private static double[] ecef(double latDeg, double lonDeg, double h) {
        double phi = Math.toRadians(latDeg);
        double lam = Math.toRadians(lonDeg);
        double s = Math.sin(phi);
        double n = A / Math.sqrt(1 - E2 * s * s);
        return new double[] {
            (n + h) * Math.cos(phi) * Math.cos(lam),
            (n + h) * Math.cos(phi) * Math.sin(lam),
            (n * (1 - E2) + h) * s
        };
    }

    /** A point of the local plane in metres east and north of the origin. */
    public record XY(double eastM, double northM) {
        public double distanceM(XY o) {
            return Math.hypot(eastM - o.eastM, northM - o.northM);
        }
    }
}
