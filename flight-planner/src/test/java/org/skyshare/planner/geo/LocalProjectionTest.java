package org.skyshare.planner.geo;

import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LocalProjectionTest {
    @Test
    void picksTheUtmZoneAndRoundTrips() {
        LocalProjection p = LocalProjection.at(119.85, 30.4);
        assertThat(p.zone()).isEqualTo(50);
        assertThat(p.epsg()).isEqualTo(32650);
        Coordinate m = p.toLocal(119.85, 30.4);
        Coordinate back = p.toWgs84(m.x, m.y);
        assertThat(back.x).isCloseTo(119.85, within(1e-9));
        assertThat(back.y).isCloseTo(30.4, within(1e-9));
        assertThat(LocalProjection.at(-70, -33).epsg()).isEqualTo(32719);
    }

    @Test
    void distancesMatchTheGeodesicWithinAPermille() {
        LocalProjection p = LocalProjection.at(119.85, 30.4);
        Coordinate a = p.toLocal(119.80, 30.38);
        Coordinate b = p.toLocal(119.90, 30.45);
        double geodesic = Geodesic.WGS84.Inverse(30.38, 119.80, 30.45, 119.90).s12;
        assertThat(a.distance(b)).isCloseTo(geodesic, within(geodesic * 1e-3));
    }
}
