package org.skyshare.station.link;

/**
 * @param current      the item the vehicle flies to (MISSION_CURRENT)
 * @param total        items in the vehicle's mission
 * @param lastReached  highest item reported reached (MISSION_ITEM_REACHED), -1 for none
 */
public record MissionProgress(int current, int total, int lastReached) {
    public static final MissionProgress NONE = new MissionProgress(0, 0, -1);

    public boolean finished() {
        return total > 0 && lastReached >= total - 1;
    }
}
