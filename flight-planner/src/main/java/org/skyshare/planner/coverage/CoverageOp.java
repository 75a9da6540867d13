package org.skyshare.planner.coverage;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

import java.util.ArrayList;
import java.util.List;

/**
 * Lawnmower coverage of an area in the local metric frame: candidate sweep directions, survey lines
 * per band, boustrophedon decomposition into strips, strip order; the direction with the shortest
 * path (turns charged as length) wins. Areas may be concave, have holes or be multipolygons.
 * <pre>CoverageResult r = CoverageOp.cover(area, noFly, CoverageParameters.of(77, 96, 60, 114));</pre>
 */
public final class CoverageOp {
    /** Each turn costs about this much path length (decelerate, turn, accelerate). */
    private static final double TURN_COST_M = 40;

    private CoverageOp() {
    }

    /**
     * @param target area to cover, local metres
     * @param noFly  zones the lines must not enter (already buffered by the safety margin), or null
     */
    public static CoverageResult cover(Geometry target, Geometry noFly, CoverageParameters p) {
        if (target == null || target.isEmpty() || target.getArea() <= 0) {
            return CoverageResult.empty();
        }
        Coordinate origin = target.getEnvelopeInternal().centre();
        CoverageResult best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double angle : SweepDirection.candidates(target, p.angleCandidates())) {
            CoverageResult r = coverAt(target, noFly, p, angle, origin);
            double cost = r.pathLengthM() + TURN_COST_M * Math.max(0, r.transects().size() - 1);
            if (cost < bestCost - 1e-6) {
                bestCost = cost;
                best = r;
            }
        }
        return best;
    }

    /** Coverage with a fixed sweep direction (radians, counter-clockwise from east). */
    public static CoverageResult coverAt(Geometry target, Geometry noFly, CoverageParameters p, double angleRad, Coordinate origin) {
        AffineTransformation toSweep = AffineTransformation.rotationInstance(-angleRad, origin.x, origin.y);
        AffineTransformation back = AffineTransformation.rotationInstance(angleRad, origin.x, origin.y);
        Geometry t = toSweep.transform(target);
        Geometry nf = null;
        PreparedGeometry nfp = null;
        if (noFly != null && !noFly.isEmpty() && noFly.getEnvelopeInternal().intersects(target.getEnvelopeInternal())) {
            nf = toSweep.transform(noFly);
            nfp = PreparedGeometryFactory.prepare(nf);
        }
        List<List<Transect>> bands = TransectBuilder.build(t, nf, nfp, p);
        List<List<Transect>> strips = StripDecomposer.strips(bands);
        if (strips.isEmpty()) {
            return new CoverageResult(Math.toDegrees(angleRad), List.of(), 0, 0, 0);
        }
        var env = t.getEnvelopeInternal();
        List<Transect> ordered = StripOrderer.order(strips, new Coordinate(env.getMinX(), env.getMinY()));
        List<Transect> out = new ArrayList<>(ordered.size());
        double len = 0;
        double hop = 0;
        for (Transect tr : ordered) {
            Coordinate a = new Coordinate();
            Coordinate b = new Coordinate();
            back.transform(tr.a(), a);
            back.transform(tr.b(), b);
            Transect x = new Transect(a, b);
            if (!out.isEmpty()) {
                hop += out.get(out.size() - 1).b().distance(a);
            }
            len += x.lengthM();
            out.add(x);
        }
        return new CoverageResult(Math.toDegrees(angleRad), out, len, hop, strips.size());
    }
}
