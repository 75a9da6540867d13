package org.skyshare.planner.grid;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.TestAreas;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RectClipTest {
    @Test
    void clippedAreaMatchesTheOverlayOnConcaveAndHoledShapes() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            Geometry g = i % 2 == 0 ? TestAreas.concave(rnd, 0, 0, 1000) : TestAreas.withHoles(rnd, 0, 0, 1000);
            Envelope r = new Envelope(rnd.nextDouble() * 1200 - 900, rnd.nextDouble() * 1200 - 300, rnd.nextDouble() * 1200 - 900, rnd.nextDouble() * 1200 - 300);
            if (r.getWidth() <= 0 || r.getHeight() <= 0) {
                continue;
            }
            double expected = g.intersection(TestAreas.GF.toGeometry(r)).getArea();
            assertThat(RectClip.area(g, r)).isCloseTo(expected, within(1e-6 * Math.max(1, expected) + 1e-6));
        }
    }
}
