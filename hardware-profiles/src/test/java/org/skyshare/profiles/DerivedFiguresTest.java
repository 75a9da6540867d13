package org.skyshare.profiles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Derived figures against values computed by hand from the spec sheets. */
class DerivedFiguresTest {
    private final ProfileCatalog catalog = ProfileCatalog.builtIn();

    @Test
    void gsdOfA640x512CoreWithA9mmLensAt100m() {
        // 12 um pitch (7.68 mm / 640 px) x 100 m / 9.1 mm = 0.13187 m per pixel
        CameraGeometry g = catalog.camera("dji-m30t-thermal").geometry();
        assertThat(g.pixelPitchMm()).isCloseTo(0.012, within(1e-9));
        assertThat(g.gsdM(100)).isCloseTo(0.131868, within(1e-6));
        assertThat(g.focalLengthPx()).isCloseTo(758.333, within(1e-3));
    }

    @Test
    void footprintAndHeightForGsd() {
        CameraGeometry g = catalog.camera("dji-m30t-thermal").geometry();
        // 7.68 mm x 100 m / 9.1 mm across, 6.144 mm x 100 m / 9.1 mm along
        assertThat(g.footprintAcrossM(100)).isCloseTo(84.3956, within(1e-4));
        assertThat(g.footprintAlongM(100)).isCloseTo(67.5165, within(1e-4));
        assertThat(g.footprint(100).areaM2()).isCloseTo(84.3956 * 67.5165, within(0.05));
        // 0.05 m x 9.1 mm / 0.012 mm
        assertThat(g.heightForGsdM(0.05)).isCloseTo(37.9167, within(1e-4));
        assertThat(g.gsdM(g.heightForGsdM(0.07))).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void photoAndLineSpacingForOverlap() {
        CameraGeometry g = catalog.camera("dji-h20t-thermal").geometry();
        // H20T thermal: 13.5 mm lens. Across at 100 m = 7.68*100/13.5 = 56.889 m, 70 % side overlap -> 17.067 m
        assertThat(g.lineSpacingM(100, 0.7)).isCloseTo(17.0667, within(1e-4));
        // along = 6.144*100/13.5 = 45.511 m, 80 % front overlap -> 9.102 m
        assertThat(g.photoSpacingM(100, 0.8)).isCloseTo(9.1022, within(1e-4));
        assertThatThrownBy(() -> g.lineSpacingM(100, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void fieldOfViewFromSensorAndFocalLength() {
        CameraGeometry g = catalog.camera("flir-vue-pro-r-640").geometry();
        // FLIR publishes 45 x 37 deg for the 13 mm Vue Pro R 640
        assertThat(g.horizontalFovDeg()).isCloseTo(45.4, within(0.1));
        assertThat(g.verticalFovDeg()).isCloseTo(37.0, within(0.1));
    }

    @Test
    void rangeAndTimeOnOneBatteryWithReserve() {
        FlightBudget m30t = catalog.aircraft("dji-m30t").budget();
        // 41 min less 25 % = 30.75 min = 1845 s; at 10 m/s cruise 18.45 km
        assertThat(m30t.usableTimeS()).isCloseTo(1845, within(1e-9));
        assertThat(m30t.usableRangeM()).isCloseTo(18_450, within(1e-6));
        assertThat(m30t.radiusOfActionM()).isCloseTo(9_225, within(1e-6));
        // 100 m at 6 m/s up and 5 m/s down
        assertThat(m30t.climbAndDescentS(100)).isCloseTo(100 / 6.0 + 20, within(1e-9));

        FlightBudget sim = catalog.aircraft("sim-quad").budget();
        assertThat(sim.usableTimeS()).isCloseTo(1200, within(1e-9));
    }

    @Test
    void radiometricMappingRoundTrips() {
        ThermalSpec sim = catalog.camera("sim-thermal").thermal();
        int raw = sim.toRaw(20.0);
        assertThat(raw).isEqualTo(5863); // (20 + 273.15) / 0.05
        assertThat(sim.toCelsius(raw)).isCloseTo(20.0, within(0.05));
        assertThat(sim.toCelsius(sim.toRaw(650))).isCloseTo(650, within(0.05));

        ThermalSpec dji = catalog.camera("dji-m30t-thermal").thermal();
        int below = dji.toRaw(-10.0); // INT16 deci-degrees: -100 -> 0xFF9C as it arrives in the stream
        assertThat(below).isEqualTo(0xFF9C);
        assertThat(dji.toCelsius(below)).isCloseTo(-10.0, within(1e-9));
        assertThat(dji.toCelsius(dji.toRaw(99_999))).isCloseTo(3276.7, within(1e-9)); // clamped, not wrapped
    }
}
