package org.skyshare.station.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WaitReasonsTest {
    private final WaitReasons reasons = new WaitReasons();

    @Test
    void aBatteryWaitIsSaidOnceThoughItsFigureMovesEveryTick() {
        // the old rule never said a battery wait at all: a charging drone stood silent
        assertThat(reasons.note("drone-1", "forest-daily", "battery 41 % below the patrol's 80 %")).isTrue();
        assertThat(reasons.note("drone-1", "forest-daily", "battery 42 % below the patrol's 80 %")).isFalse();
        assertThat(reasons.note("drone-1", "forest-daily", "battery 43.5 % below the patrol's 80 %")).isFalse();
        assertThat(reasons.current()).containsExactly(Map.entry("drone-1", "forest-daily: battery 43.5 % below the patrol's 80 %"));
    }

    @Test
    void aNewKindOfReasonOrAnotherPatrolIsSaidAgainAndReadinessClearsIt() {
        assertThat(reasons.note("drone-2", "river", "wind 11.0 m/s over the dock's 10.0 m/s limit")).isTrue();
        assertThat(reasons.note("drone-2", "river", "wind 11.0 m/s over the dock's 10.0 m/s limit; no link")).isTrue();
        assertThat(reasons.note("drone-2", "power-line", "wind 11.0 m/s over the dock's 10.0 m/s limit; no link")).isTrue();
        assertThat(reasons.note("drone-2", "power-line", "")).isFalse();
        assertThat(reasons.current()).isEmpty();
        // waiting again after a launch is news again
        assertThat(reasons.note("drone-2", "power-line", "wind 11.0 m/s over the dock's 10.0 m/s limit; no link")).isTrue();
    }

    @Test
    void eachDroneHasItsOwnReason() {
        assertThat(reasons.note("drone-1", "p", "no aircraft in the dock")).isTrue();
        assertThat(reasons.note("drone-2", "p", "no aircraft in the dock")).isTrue();
        assertThat(reasons.current()).containsOnlyKeys("drone-1", "drone-2");
    }
}
