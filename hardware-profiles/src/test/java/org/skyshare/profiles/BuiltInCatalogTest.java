package org.skyshare.profiles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInCatalogTest {
    private final ProfileCatalog catalog = ProfileCatalog.builtIn();

    @Test
    void shipsAtLeastEightRealAircraftWithCitedSources() {
        long real = catalog.aircraft().stream().filter(a -> a.autopilot() != Autopilot.SIM).count();
        assertThat(real).isGreaterThanOrEqualTo(7);
        assertThat(catalog.all().stream().filter(p -> !p.id().startsWith("sim-")).count()).isGreaterThanOrEqualTo(8);
        assertThat(catalog.all()).allSatisfy(p -> assertThat(p.source().url()).isNotBlank());
        assertThat(catalog.aircraft().stream().map(AircraftProfile::autopilot))
                .contains(Autopilot.PX4, Autopilot.ARDUPILOT, Autopilot.DJI);
    }

    @Test
    void everyAircraftCarriesAThermalCameraAndEveryDockKnownAircraft() {
        for (AircraftProfile a : catalog.aircraft()) {
            assertThat(catalog.payload(a, CameraKind.THERMAL)).as(a.id()).isPresent();
        }
        for (DockProfile d : catalog.docks()) {
            d.aircraft().forEach(id -> assertThat(catalog.aircraft(id).id()).isEqualTo(id));
        }
    }

    @Test
    void simulatorProfilesExist() {
        assertThat(catalog.aircraft("sim-quad").payloads()).containsExactly("sim-rgb", "sim-thermal");
        assertThat(catalog.dock("sim-dock").aircraft()).containsExactly("sim-quad");
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> catalog.aircraft("dji-m300"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessageContaining("unknown aircraft 'dji-m300'").hasMessageContaining("dji-m30t");
    }
}
