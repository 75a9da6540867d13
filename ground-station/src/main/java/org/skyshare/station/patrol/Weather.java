package org.skyshare.station.patrol;

/** Conditions at a dock, as its weather station reports them. */
public record Weather(double windMps, double rainMmPerH, double temperatureC) {
    public static final Weather CALM = new Weather(2, 0, 20);
}
