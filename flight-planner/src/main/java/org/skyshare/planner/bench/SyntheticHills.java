package org.skyshare.planner.bench;

import org.skyshare.planner.terrain.Terrain;

/**
 * Rolling hill country for benchmarks (no file): 300 m plains with hills of ±200 m every few
 * kilometres and ±50 m ridges every kilometre, so every survey line and transit climbs.
 */
public final class SyntheticHills implements Terrain {
    private final double lon0;
    private final double lat0;
    private final double mPerDegLon;

    public SyntheticHills(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.mPerDegLon = 111_320 * Math.cos(Math.toRadians(lat0));
    }

    @Override
    public double groundAmslM(double lonDeg, double latDeg) {
        double x = (lonDeg - lon0) * mPerDegLon;
        double y = (latDeg - lat0) * 110_574;
        return 300 + 200 * Math.sin(x / 3000) * Math.cos(y / 4000) + 50 * Math.sin(x / 700 + y / 900);
    }

    @Override
    public String source() {
        return "synthetic hills (benchmark)";
    }
}
