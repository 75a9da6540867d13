package org.skyshare.station.console.map;

import java.util.Locale;

/** The asset kinds the map knows how to draw (the GeoJSON {@code kind} property). */
public enum FeatureKind {
    FOREST, RIVER, POWER_LINE, TOWER, DOCK, NO_FLY, OTHER;

    public static FeatureKind parse(String kind) {
        if (kind == null) {
            return OTHER;
        }
        try {
            return valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
