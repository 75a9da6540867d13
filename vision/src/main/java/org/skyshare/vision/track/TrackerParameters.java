package org.skyshare.vision.track;

import java.time.Duration;

/**
 * @param gateRadiusM        a georeferenced sighting joins an incident within this distance (plus the
 *                           incident's own size); georeferencing error at 100 m AGL is a few metres
 * @param pixelGateFraction  without a pose, a sighting joins an incident of the same camera whose box centre is
 *                           within this fraction of the frame diagonal and that was seen within {@code pixelMaxGap}
 * @param pixelMaxGap        longest gap for pixel-only association (the view moves on)
 * @param passGap            sightings further apart than this count as a new pass
 * @param sightingGain       each further sighting removes this fraction of the remaining doubt
 * @param passGain           each further pass removes this fraction of the remaining doubt
 * @param floodGateRadiusM   the gate for flood sightings: a flooded stretch runs for hundreds of metres
 *                           along the river, and the water agency wants it as one incident, not one per frame
 */
public record TrackerParameters(
        double gateRadiusM,
        double pixelGateFraction,
        Duration pixelMaxGap,
        Duration passGap,
        double sightingGain,
        double passGain,
        double floodGateRadiusM) {

    public static TrackerParameters defaults() {
        return new TrackerParameters(30, 0.08, Duration.ofSeconds(3), Duration.ofSeconds(60), 0.12, 0.35, 1000);
    }
}
