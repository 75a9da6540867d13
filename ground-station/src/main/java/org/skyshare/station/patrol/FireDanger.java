package org.skyshare.station.patrol;

/**
 * The fire-danger level the forestry agency announces. Higher levels fly fire patrols more often:
 * the period is divided by {@link #frequencyFactor()}.
 */
public enum FireDanger {
    LOW(1), MODERATE(1), HIGH(2), VERY_HIGH(3), EXTREME(4);

    private final int frequencyFactor;

    FireDanger(int frequencyFactor) {
        this.frequencyFactor = frequencyFactor;
    }

    public int frequencyFactor() {
        return frequencyFactor;
    }
}
