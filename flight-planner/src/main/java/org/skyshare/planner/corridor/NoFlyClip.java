package org.skyshare.planner.corridor;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/** Simplification of corridor passes that never cuts a corner into the no-fly margin. */
final class NoFlyClip {
    private NoFlyClip() {
    }

    /**
     * The part simplified by {@code toleranceM}, unless the simplified line would enter the grown
     * no-fly zones (a pass running along the margin): then the part as it is, which lies outside them.
     */
    static Geometry simplifyOutside(Geometry part, double toleranceM, Geometry noFly, PreparedGeometry noFlyPrepared) {
        Geometry thin = DouglasPeuckerSimplifier.simplify(part, toleranceM);
        if (noFlyPrepared != null && noFlyPrepared.intersects(thin)
                && OverlayNGRobust.overlay(thin, noFly, OverlayNG.INTERSECTION).getLength() > 0.01) {
            return part;
        }
        return thin;
    }
}
