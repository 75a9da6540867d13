package org.skyshare.sim.world;

/**
 * A building seen from above: a rectangle of roof, possibly rotated.
 *
 * @param rotationDeg clockwise from north of the rectangle's length axis
 * @param roofRgb     roof colour as 0xRRGGBB
 */
public record Building(String id, double latDeg, double lonDeg, LocalFrame.XY centre, double widthM, double lengthM,
                       double rotationDeg, double roofTemperatureC, int roofRgb) {

    public boolean contains(double x, double y) {
        return contains(x, y, 0);
    }

    /** Inside the outline grown by a margin on every side. */
    public boolean contains(double x, double y, double marginM) {
        double dx = x - centre.eastM();
        double dy = y - centre.northM();
        double r = Math.toRadians(rotationDeg);
        double along = dx * Math.sin(r) + dy * Math.cos(r);
        double across = dx * Math.cos(r) - dy * Math.sin(r);
        return Math.abs(along) <= lengthM / 2 + marginM && Math.abs(across) <= widthM / 2 + marginM;
    }

    double boundingRadiusM() {
        return Math.hypot(widthM, lengthM) / 2;
    }
}
