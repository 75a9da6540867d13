package org.skyshare.planner.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 3: boustrophedon decomposition. Survey lines of neighbouring bands that overlap one-to-one
 * belong to the same strip (a monotone piece of the area that one back-and-forth pattern covers);
 * wherever a hole or a concave notch splits or joins lines, a new strip starts. This is the
 * decomposition that lets concave areas and areas with holes be flown without crossing back and forth.
 */
final class StripDecomposer {
    private StripDecomposer() {
    }

    static List<List<Transect>> strips(List<List<Transect>> bands) {
        List<List<Transect>> strips = new ArrayList<>();
        List<Integer> prevStrip = new ArrayList<>();
        List<Transect> prev = List.of();
        for (List<Transect> band : bands) {
            List<Integer> cur = new ArrayList<>(band.size());
            for (Transect t : band) {
                int match = -1;
                int count = 0;
                for (int i = 0; i < prev.size(); i++) {
                    if (overlaps(prev.get(i), t)) {
                        match = i;
                        count++;
                    }
                }
                int strip;
                if (count == 1 && overlapCount(band, prev.get(match)) == 1) {
                    strip = prevStrip.get(match);
                    strips.get(strip).add(t);
                } else {
                    strip = strips.size();
                    List<Transect> s = new ArrayList<>();
                    s.add(t);
                    strips.add(s);
                }
                cur.add(strip);
            }
            prev = band;
            prevStrip = cur;
        }
        return strips;
    }

    private static int overlapCount(List<Transect> band, Transect t) {
        int c = 0;
        for (Transect u : band) {
            if (overlaps(u, t)) {
                c++;
            }
        }
        return c;
    }

    private static boolean overlaps(Transect a, Transect b) {
        return Math.min(a.a().x, a.b().x) <= Math.max(b.a().x, b.b().x) && Math.min(b.a().x, b.b().x) <= Math.max(a.a().x, a.b().x);
    }
}
