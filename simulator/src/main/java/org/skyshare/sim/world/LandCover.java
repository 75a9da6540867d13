package org.skyshare.sim.world;

/**
 * What covers a patch of ground, with the colour it shows a visual camera and the temperature it
 * shows a thermal camera as an offset from the scenario's ambient air temperature.
 */
public enum LandCover {
    GRASS(0x6f9a45, 2.0),
    FOREST(0x2f5a2a, -2.5),
    WATER(0x3d5f78, -7.0),
    /** Water standing beyond a river's normal banks. */
    FLOOD_WATER(0x6b6046, -5.0),
    ROAD(0x5a5a5c, 8.0),
    /** Roof of a building; the building's own roof temperature overrides the offset. */
    ROOF(0x9a4a3a, 10.0),
    TOWER(0x3a3a3a, 3.0),
    /** Concrete pad of a dock. */
    PAD(0xb8b4aa, 6.0);

    private static final LandCover[] VALUES = values();

    private final int rgb;
    private final double temperatureOffsetC;

    LandCover(int rgb, double temperatureOffsetC) {
        this.rgb = rgb;
        this.temperatureOffsetC = temperatureOffsetC;
    }

    public int rgb() {
        return rgb;
    }

    public double temperatureOffsetC() {
        return temperatureOffsetC;
    }

    static LandCover of(int ordinal) {
        return VALUES[ordinal];
    }

    public boolean isWater() {
        return this == WATER || this == FLOOD_WATER;
    }
}
