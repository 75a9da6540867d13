package org.skyshare.station.link;

public record VelocityNed(double northMps, double eastMps, double downMps) {
    public double groundSpeedMps() {
        return Math.hypot(northMps, eastMps);
    }
}
