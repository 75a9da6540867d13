package org.skyshare.station.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Repeated launch failures of one drone wait longer each time (10 s, doubling, at most 5 min), so
 * a firmware that refuses a step is not asked hundreds of times a minute.
 *
 * @param failures        launch failures in a row
 * @param reason          the latest failure's sentence
 * @param previousReason  the one before (null for the first)
 * @param delay           the wait before the next try
 * @param notBefore       when the next try may start
 */
record LaunchBackOff(int failures, String reason, String previousReason, Duration delay, Instant notBefore) {
    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    static LaunchBackOff first(String reason, Instant now) {
        return new LaunchBackOff(1, reason, null, FIRST, now.plus(FIRST));
    }

    LaunchBackOff again(String newReason, Instant now) {
        Duration d = delay.multipliedBy(2);
        if (d.compareTo(MAX) > 0) {
            d = MAX;
        }
        return new LaunchBackOff(failures + 1, newReason, reason, d, now.plus(d));
    }
}
