package org.skyshare.station.patrol;

import java.time.LocalTime;

/** A daily window, local time; a window past midnight (22:00-04:00) wraps. */
public record TimeWindow(LocalTime from, LocalTime to) {
    public static final TimeWindow ALL_DAY = new TimeWindow(LocalTime.MIN, LocalTime.MAX);

    public boolean contains(LocalTime t) {
        return from.isBefore(to) || from.equals(to)
                ? !t.isBefore(from) && !t.isAfter(to)
                : !t.isBefore(from) || !t.isAfter(to);
    }
}
