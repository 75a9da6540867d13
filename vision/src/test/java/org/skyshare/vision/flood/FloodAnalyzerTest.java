package org.skyshare.vision.flood;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FloodAnalyzerTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int W = 200;
    private static final int H = 100;
    /** Nadir view, north up, 0.5 m per pixel, top-left corner of the frame at (1000 m E, 2000 m N). */
    private static final PixelToGround NADIR = (x, y) -> new Coordinate(1000 + 0.5 * x, 2000 - 0.5 * y);
    /** Normal river: pixel rows 40..60 across the frame, i.e. y 1970..1980 m, x 1000..1100 m. */
    private static final Geometry RIVER = GF.toGeometry(new Envelope(1000, 1100, 1970, 1980));

    private static WaterMask mask(int[]... rects) {
        BitSet bits = new BitSet(W * H);
        for (int[] r : rects) {
            for (int y = r[1]; y < r[3]; y++) {
                for (int x = r[0]; x < r[2]; x++) {
                    bits.set(y * W + x);
                }
            }
        }
        return new WaterMask(W, H, bits);
    }

    @Test
    void waterInsideTheNormalBanksIsNoFlood() {
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES).analyze(mask(new int[] {0, 40, W, 60}), NADIR, RIVER, 2);
        assertThat(r.floodedAreaM2()).isZero();
        assertThat(r.floodedArea().isEmpty()).isTrue();
        assertThat(r.waterAreaM2()).isCloseTo(100 * 10, within(1e-6));
    }

    @Test
    void waterBeyondTheBanksPlusMarginIsTheFlood() {
        // river plus a 40 x 20 px block north of it: 20 m x 10 m on the ground, of which the 2 m margin is normal
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 20, 140, 40});
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES).analyze(m, NADIR, RIVER, 2);
        assertThat(r.floodedAreaM2()).isCloseTo(20 * 8, within(1e-6));
        Envelope e = r.floodedArea().getEnvelopeInternal();
        assertThat(e.getMinX()).isCloseTo(1050, within(1e-9));
        assertThat(e.getMaxX()).isCloseTo(1070, within(1e-9));
        assertThat(e.getMinY()).isCloseTo(1982, within(1e-9));
        assertThat(e.getMaxY()).isCloseTo(1990, within(1e-9));
        assertThat(r.isFlooded(100)).isTrue();
    }

    @Test
    void cellsSizedPerCallFindTheSameFloodAsTheAnalyzersOwn() {
        // 20 px blocks on 4 px and 10 px cell boundaries: both cell sizes see them exactly
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 20, 140, 40});
        FloodAnalyzer fine = new FloodAnalyzer(GroundUnits.METRES, 4, 25);
        FloodResult own = fine.analyze(m, NADIR, RIVER, 2);
        FloodResult coarse = fine.analyze(m, NADIR, RIVER, 2, 10);
        assertThat(coarse.floodedAreaM2()).isCloseTo(own.floodedAreaM2(), within(1e-6));
        assertThat(coarse.floodedArea().symDifference(own.floodedArea()).getArea()).isCloseTo(0, within(1e-6));
        // another margin on the same river is grown anew, not taken from the last call
        assertThat(fine.analyze(m, NADIR, RIVER, 12, 10).floodedAreaM2()).isZero();
        assertThatThrownBy(() -> fine.analyze(m, NADIR, RIVER, 2, 0)).hasMessageContaining("cell size");
    }

    @Test
    void aWiderMarginSwallowsAShallowOverflow() {
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 20, 140, 40});
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES).analyze(m, NADIR, RIVER, 10);
        assertThat(r.floodedAreaM2()).isZero();
    }

    @Test
    void smallIsolatedPatchesAreIgnored() {
        // an 8 x 8 px speck (4 m x 4 m = 16 m2) far from the river, below the 25 m2 floor
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {8, 80, 16, 88});
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES).analyze(m, NADIR, RIVER, 2);
        assertThat(r.floodedAreaM2()).isZero();
        assertThat(r.waterAreaM2()).isCloseTo(1000 + 16, within(1e-6));
    }

    @Test
    void waterAwayFromTheRiverIsNotItsFloodWhenAGapIsSet() {
        // a 40 x 20 px pond (20 m x 10 m) 12 px = 6 m south of the margin, and an overflow touching the river
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 20, 140, 40}, new int[] {20, 76, 60, 96});
        FloodResult all = new FloodAnalyzer(GroundUnits.METRES).analyze(m, NADIR, RIVER, 2);
        assertThat(all.floodedAreaM2()).isCloseTo(20 * 8 + 20 * 10, within(1e-6));
        FloodResult joined = new FloodAnalyzer(GroundUnits.METRES, 4, 25, 1).analyze(m, NADIR, RIVER, 2);
        assertThat(joined.floodedAreaM2()).isCloseTo(20 * 8, within(1e-6));
        assertThat(joined.floodedArea().getEnvelopeInternal().getMinY()).isCloseTo(1982, within(1e-9));
        FloodResult slack = new FloodAnalyzer(GroundUnits.METRES, 4, 25, 7).analyze(m, NADIR, RIVER, 2);
        assertThat(slack.floodedAreaM2()).isCloseTo(20 * 8 + 20 * 10, within(1e-6));
    }

    @Test
    void pixelsThatSeeNoGroundAreLeftOut() {
        PixelToGround skyAboveRow20 = (x, y) -> y < 20 ? null : NADIR.toGround(x, y);
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 0, 140, 40});
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES).analyze(m, skyAboveRow20, RIVER, 2);
        assertThat(r.floodedAreaM2()).isCloseTo(20 * 8, within(1e-6));
    }

    @Test
    void lonLatInputGivesSquareMetresAndLonLatOutput() {
        double lat0 = 30.40;
        double lon0 = 119.90;
        double mPerDegLat = 111_195.0;
        double mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(lat0));
        PixelToGround lonLat = (x, y) -> {
            Coordinate m = NADIR.toGround(x, y);
            return new Coordinate(lon0 + (m.x - 1000) / mPerDegLon, lat0 + (m.y - 2000) / mPerDegLat);
        };
        Geometry river = GF.toGeometry(new Envelope(lon0, lon0 + 100 / mPerDegLon,
                lat0 - 30 / mPerDegLat, lat0 - 20 / mPerDegLat));
        WaterMask m = mask(new int[] {0, 40, W, 60}, new int[] {100, 20, 140, 40});
        FloodResult r = new FloodAnalyzer(GroundUnits.LON_LAT).analyze(m, lonLat, river, 2);
        assertThat(r.floodedAreaM2()).isCloseTo(160, within(1.0));
        Coordinate c = r.floodedArea().getCentroid().getCoordinate();
        assertThat(c.x).isCloseTo(lon0 + 60 / mPerDegLon, within(1e-6));
        assertThat(c.y).isCloseTo(lat0 - 14 / mPerDegLat, within(1e-6));
    }

    @Test
    void obliqueViewKeepsStraightEdgesAndArea() {
        // a homography (perspective) that maps the frame's rectangle to a trapezoid on the ground
        PixelToGround oblique = (x, y) -> {
            double w = 1 + 0.003 * y;
            return new Coordinate(1000 + (0.5 * x + 10) / w, 2000 - 0.5 * y / w);
        };
        WaterMask all = mask(new int[] {0, 0, W, H});
        FloodResult r = new FloodAnalyzer(GroundUnits.METRES, 8, 0).analyze(all, oblique,
                GF.toGeometry(new Envelope(0, 1, 0, 1)), 0);
        Geometry expected = GF.createPolygon(new Coordinate[] {
                oblique.toGround(0, 0), oblique.toGround(W, 0), oblique.toGround(W, H), oblique.toGround(0, H),
                oblique.toGround(0, 0)});
        assertThat(r.waterAreaM2()).isCloseTo(expected.getArea(), within(expected.getArea() * 1e-9));
        assertThat(r.floodedAreaM2()).isCloseTo(expected.getArea(), within(expected.getArea() * 1e-9));
    }

    @Test
    void rejectsNegativeMarginAndEmptyExtent() {
        FloodAnalyzer a = new FloodAnalyzer(GroundUnits.METRES);
        WaterMask m = mask(new int[] {0, 40, W, 60});
        assertThatThrownBy(() -> a.analyze(m, NADIR, RIVER, -1)).hasMessageContaining("margin");
        assertThatThrownBy(() -> a.analyze(m, NADIR, GF.createPolygon(), 1)).hasMessageContaining("normal extent");
    }
}
