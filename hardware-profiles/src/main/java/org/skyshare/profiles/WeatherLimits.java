package org.skyshare.profiles;

/**
 * Conditions a dock still launches in.
 *
 * @param maxRainMmPerH heaviest rain the dock operates in; 0 means it must be dry
 */
public record WeatherLimits(double maxWindMps, double maxRainMmPerH, double minTempC, double maxTempC) {

    public boolean allows(double windMps, double rainMmPerH, double tempC) {
        return windMps <= maxWindMps && rainMmPerH <= maxRainMmPerH && tempC >= minTempC && tempC <= maxTempC;
    }

    void check(Checks c) {
        c.positive("weather.max_wind_mps", maxWindMps);
        c.range("weather.max_rain_mm_per_h", maxRainMmPerH, 0, 500);
        c.atLeast("weather.max_temp_c", maxTempC, "weather.min_temp_c", minTempC);
    }
}
