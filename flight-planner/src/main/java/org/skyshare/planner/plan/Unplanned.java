package org.skyshare.planner.plan;

/**
 * A piece of work the plan leaves out, and why (out of every dock's reach, inside a no-fly zone, too
 * long for one battery, ...).
 *
 * @param areaM2   area left uncovered, 0 for points and lines
 * @param lengthM  line length left unflown, 0 for areas and points
 */
public record Unplanned(String assetId, String reason, double areaM2, double lengthM) {
}
