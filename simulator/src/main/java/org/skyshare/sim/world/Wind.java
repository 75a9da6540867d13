package org.skyshare.sim.world;

/** Wind near the ground; {@code fromDeg} is where it blows from (meteorological convention). */
public record Wind(double fromDeg, double speedMps) {

    /** Unit vector (east, north) the wind blows towards. */
    public double[] downwind() {
        double to = Math.toRadians(fromDeg + 180);
        return new double[] {Math.sin(to), Math.cos(to)};
    }
}
