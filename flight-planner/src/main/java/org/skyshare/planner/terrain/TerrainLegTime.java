package org.skyshare.planner.terrain;

import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.sortie.FlightTimer;
import org.skyshare.planner.sortie.SortieBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leg times for the sortie builder over terrain: the leg is cut into pieces of {@code sampleM} and
 * each piece is timed with the climb or descent the ground under it asks for (at the aircraft's
 * rates), so the battery check sees every ridge a leg crosses. The raw ground is followed, a little
 * more climbing than {@link TerrainFollower}'s smoothed path flies, so the estimate errs long.
 */
public final class TerrainLegTime implements SortieBuilder.LegTime {
    private final Terrain terrain;
    private final LocalProjection projection;
    private final double sampleM;
    private final Map<Key, Double> cache = new ConcurrentHashMap<>();

    private record Key(double ax, double ay, double aAlt, double bx, double by, double bAlt, FlightTimer timer) {
    }

    public TerrainLegTime(Terrain terrain, LocalProjection projection, double sampleM) {
        this.terrain = terrain;
        this.projection = projection;
        this.sampleM = sampleM;
    }

    @Override
    public double seconds(FlightTimer timer, RoutePoint a, RoutePoint b) {
        return cache.computeIfAbsent(new Key(a.xM(), a.yM(), a.altM(), b.xM(), b.yM(), b.altM(), timer), k -> compute(timer, a, b));
    }

    private double compute(FlightTimer timer, RoutePoint a, RoutePoint b) {
        double d = a.distance(b);
        int n = Math.max(1, (int) Math.ceil(d / sampleM));
        Coordinate wa = projection.toWgs84(a.xM(), a.yM());
        Coordinate wb = projection.toWgs84(b.xM(), b.yM());
        double prevG = ground(wa.x, wa.y, 0);
        double prevZ = prevG + a.altM();
        double t = 0;
        for (int k = 1; k <= n; k++) {
            double f = (double) k / n;
            // interpolated in longitude/latitude: millimetres from the projected line over a leg, one projection per leg
            double g = ground(wa.x + f * (wb.x - wa.x), wa.y + f * (wb.y - wa.y), prevG);
            double z = g + a.altM() + f * (b.altM() - a.altM());
            t += timer.legS(d / n, z - prevZ);
            prevZ = z;
            prevG = g;
        }
        return t;
    }

    /** Ground at a WGS84 point; where the DEM has none, the last known ground (the follower refuses such plans by name). */
    private double ground(double lon, double lat, double fallback) {
        double g = terrain.groundAmslM(lon, lat);
        return Double.isNaN(g) ? fallback : g;
    }
}
