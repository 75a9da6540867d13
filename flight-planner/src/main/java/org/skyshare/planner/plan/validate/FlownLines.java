package org.skyshare.planner.plan.validate;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.skyshare.planner.coverage.Transect;
import org.skyshare.planner.plan.AreaCoverage;

import java.util.List;

/**
 * Every photo line of a plan, indexed by place, so that a piece's coverage counts the lines of its
 * neighbours too: a sliver beside a cell edge is often seen from the next cell's lines only.
 */
public final class FlownLines {
    private final STRtree index = new STRtree();

    private FlownLines(List<AreaCoverage> coverage) {
        for (AreaCoverage ac : coverage) {
            for (Transect t : ac.flownTransects()) {
                index.insert(new Envelope(t.a(), t.b()), t);
            }
        }
        index.build();
    }

    public static FlownLines of(List<AreaCoverage> coverage) {
        return new FlownLines(coverage);
    }

    /** The lines whose swath (of the given width) may reach the target. */
    @SuppressWarnings("unchecked")
    public List<Transect> near(Geometry target, double swathWidthM) {
        Envelope e = new Envelope(target.getEnvelopeInternal());
        e.expandBy(swathWidthM);
        return (List<Transect>) index.query(e);
    }
}
