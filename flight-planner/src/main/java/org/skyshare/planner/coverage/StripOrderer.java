package org.skyshare.planner.coverage;

import org.locationtech.jts.geom.Coordinate;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4: flight order. Each strip is flown back and forth; the next strip is the one whose nearest
 * corner is closest to where the previous one ended (greedy nearest neighbour, entering from any of
 * its four corners).
 */
final class StripOrderer {
    private StripOrderer() {
    }

    static List<Transect> order(List<List<Transect>> strips, Coordinate start) {
        List<Transect> out = new ArrayList<>();
        boolean[] done = new boolean[strips.size()];
        Coordinate cur = start;
        for (int n = 0; n < strips.size(); n++) {
            int best = -1;
            boolean bestFromTop = false;
            boolean bestFromRight = false;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < strips.size(); i++) {
                if (done[i]) {
                    continue;
                }
                List<Transect> s = strips.get(i);
                for (int top = 0; top < 2; top++) {
                    Transect first = top == 0 ? s.get(0) : s.get(s.size() - 1);
                    for (int right = 0; right < 2; right++) {
                        Coordinate entry = right == 0 ? left(first) : rightEnd(first);
                        double d = entry.distance(cur);
                        if (d < bestD - 1e-9) {
                            bestD = d;
                            best = i;
                            bestFromTop = top == 1;
                            bestFromRight = right == 1;
                        }
                    }
                }
            }
            done[best] = true;
            List<Transect> s = new ArrayList<>(strips.get(best));
            if (bestFromTop) {
                java.util.Collections.reverse(s);
            }
            boolean leftToRight = !bestFromRight;
            for (Transect t : s) {
                Transect lr = t.a().x <= t.b().x ? t : t.reversed();
                Transect flown = leftToRight ? lr : lr.reversed();
                out.add(flown);
                leftToRight = !leftToRight;
            }
            cur = out.get(out.size() - 1).b();
        }
        return out;
    }

    private static Coordinate left(Transect t) {
        return t.a().x <= t.b().x ? t.a() : t.b();
    }

    private static Coordinate rightEnd(Transect t) {
        return t.a().x <= t.b().x ? t.b() : t.a();
    }
}
