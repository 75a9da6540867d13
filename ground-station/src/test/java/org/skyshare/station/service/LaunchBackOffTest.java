package org.skyshare.station.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A drone that keeps failing to launch is asked less and less often, not hundreds of times a minute. */
class LaunchBackOffTest {
    @Test
    void waitsTenSecondsThenDoublesUpToFiveMinutes() {
        Instant t0 = Instant.parse("2026-12-08T00:00:00Z");
        LaunchBackOff b = LaunchBackOff.first("did not confirm parameter X", t0);
        assertThat(b.notBefore()).isEqualTo(t0.plusSeconds(10));
        assertThat(b.previousReason()).isNull();
        b = b.again("did not confirm parameter X", t0.plusSeconds(10));
        assertThat(b.delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(b.previousReason()).isEqualTo(b.reason()); // the same failure again: not said again
        int tries = 2;
        Instant now = b.notBefore();
        while (b.delay().compareTo(LaunchBackOff.MAX) < 0) {
            b = b.again("still refused", now);
            now = b.notBefore();
            tries++;
        }
        assertThat(b.delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.again("x", now).delay()).isEqualTo(Duration.ofMinutes(5));
        // 10, 20, 40, 80, 160, then 300 s: in the first 150 s it tries 4 times, where it used to try 296 times
        assertThat(tries).isEqualTo(6);
    }
}
