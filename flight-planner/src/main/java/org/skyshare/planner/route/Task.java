package org.skyshare.planner.route;

import org.locationtech.jts.geom.Envelope;

import java.util.List;

/**
 * A piece of work for one dock: ordered passes over one asset inside one grid cell or corridor
 * chunk. The sortie builder flies the passes in order (or the whole task backwards) and may split a
 * task between sorties at a pass boundary.
 *
 * @param agencies agencies the work serves (more are added per waypoint where assets overlap)
 * @param targetAreaM2 area this task is meant to cover (0 for corridors and lines)
 */
public record Task(String id, TaskKind kind, String assetId, String cellId, List<String> agencies,
                   List<Pass> passes, double targetAreaM2) {

    public Task {
        agencies = List.copyOf(agencies);
        passes = List.copyOf(passes);
    }

    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Pass p : passes) {
            for (RoutePoint r : p.points()) {
                e.expandToInclude(r.xM(), r.yM());
            }
        }
        return e;
    }

    public double workLengthM() {
        double l = 0;
        for (int i = 0; i < passes.size(); i++) {
            l += passes.get(i).lengthM();
            if (i > 0) {
                l += passes.get(i - 1).last().distance(passes.get(i).first());
            }
        }
        return l;
    }
}
