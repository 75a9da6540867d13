package org.skyshare.station.service;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.ProfileCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** A drone leaves its dock only with the battery its sortie needs, not just the patrol's minimum. */
class LaunchBatteryTest {
    private static final AircraftProfile SIM_QUAD = ProfileCatalog.builtIn().aircraft("sim-quad");

    @Test
    void aSortieNeedsItsFlightTimeOnTheEnduranceAndTheReserve() {
        // sim-quad: 25 min endurance, 20 % reserve; a 17-minute sortie uses 68 %
        assertThat(SIM_QUAD.enduranceMin()).isEqualTo(25);
        assertThat(SIM_QUAD.batteryReservePct()).isEqualTo(20);
        assertThat(PatrolStation.launchBatteryPct(SIM_QUAD, 17 * 60, 60)).isEqualTo(88);
    }

    @Test
    void aShortSortieStillWaitsForThePatrolsMinimum() {
        assertThat(PatrolStation.launchBatteryPct(SIM_QUAD, 5 * 60, 60)).isEqualTo(60);
    }

    @Test
    void aSortieSizedForAFullBatteryWaitsForANearlyFullOne() {
        // 20 usable minutes: 100 % by the sum; a charged battery that reads 97 % must still go
        assertThat(PatrolStation.launchBatteryPct(SIM_QUAD, 20 * 60, 60)).isEqualTo(95);
    }
}
