package org.skyshare.vision.thermal;

/**
 * Knobs of the thermal hotspot detector. Defaults are set for drone thermal cameras looking at
 * vegetation and buildings by day: flaming fires read hundreds of degrees (even when they fill only
 * part of a pixel), while sun-heated roofs and rocks stay below about 70 C, people at 30-37 C and
 * vehicle bodies below 60 C (engines and exhausts locally up to about 120 C).
 *
 * @param hotPixelMinC         a pixel at or above this is "hot": a candidate, and excluded from any background
 * @param hotspotMinC          a component whose peak is below this is dropped (sun-heated surfaces, people)
 * @param fireMinC             a component whose peak reaches this is reported as FIRE, below it as HOTSPOT
 * @param certainFireC         a component whose peak reaches this is FIRE even when the contextual test fails
 *                             (a large fire fills its own background window)
 * @param contextMinDeltaC     the peak must exceed the background mean by at least this much
 * @param madK                 ... and by at least {@code madK} times the background's mean absolute deviation
 * @param sceneMinDeltaC       the peak must exceed the frame mean by this much (rejects all-hot scenes)
 * @param minPixels            smallest component reported (2 rejects isolated defective pixels)
 * @param minBackgroundPixels  fewest valid background pixels for a contextual test
 * @param minBackgroundFraction fewest valid background pixels as a fraction of the window ring
 * @param maxBackgroundMarginPx the background window grows around a component up to this margin
 */
public record ThermalParameters(
        double hotPixelMinC,
        double hotspotMinC,
        double fireMinC,
        double certainFireC,
        double contextMinDeltaC,
        double madK,
        double sceneMinDeltaC,
        int minPixels,
        int minBackgroundPixels,
        double minBackgroundFraction,
        int maxBackgroundMarginPx) {

    public ThermalParameters {
        if (!(hotPixelMinC <= hotspotMinC && hotspotMinC <= fireMinC && fireMinC <= certainFireC)) {
            throw new IllegalArgumentException("thermal thresholds must rise: hot pixel " + hotPixelMinC
                    + " <= hotspot " + hotspotMinC + " <= fire " + fireMinC + " <= certain fire " + certainFireC);
        }
        if (minPixels < 1 || minBackgroundPixels < 1 || maxBackgroundMarginPx < 1) {
            throw new IllegalArgumentException("pixel counts and margins must be positive");
        }
    }

    public static ThermalParameters defaults() {
        return new ThermalParameters(45, 80, 150, 300, 10, 3.5, 15, 2, 8, 0.25, 20);
    }

    public ThermalParameters withThresholds(double hotPixel, double hotspot, double fire, double certainFire) {
        return new ThermalParameters(hotPixel, hotspot, fire, certainFire, contextMinDeltaC, madK, sceneMinDeltaC,
                minPixels, minBackgroundPixels, minBackgroundFraction, maxBackgroundMarginPx);
    }

    public ThermalParameters withContext(double minDeltaC, double k, double sceneDeltaC) {
        return new ThermalParameters(hotPixelMinC, hotspotMinC, fireMinC, certainFireC, minDeltaC, k, sceneDeltaC,
                minPixels, minBackgroundPixels, minBackgroundFraction, maxBackgroundMarginPx);
    }

    public ThermalParameters withMinPixels(int pixels) {
        return new ThermalParameters(hotPixelMinC, hotspotMinC, fireMinC, certainFireC, contextMinDeltaC, madK,
                sceneMinDeltaC, pixels, minBackgroundPixels, minBackgroundFraction, maxBackgroundMarginPx);
    }
}
