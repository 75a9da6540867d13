package org.skyshare.planner.assets;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One imported asset. The geometry is in WGS84 with x = longitude and y = latitude (degrees), already
 * repaired; treat it as read-only (JTS geometries are mutable, the planner copies before it projects).
 *
 * @param id         the feature's id, unique in an {@link AssetSet}
 * @param agency     owning agency ({@code forestry}, {@code water}, {@code power}, ...); the kind's default when the file names none
 * @param properties every property of the feature as text (numbers in their JSON spelling), including id/kind/name/agency
 */
public record Asset(String id, AssetKind kind, String name, String agency, Map<String, String> properties, Geometry geometry) {

    /** Property naming a river's normal width in metres. */
    public static final String NORMAL_WIDTH_M = "normal_width_m";
    /** Property naming a dock's hardware profile id. */
    public static final String DOCK_PROFILE = "profile";
    /** Property giving a dock's pad height above mean sea level, metres. */
    public static final String ELEVATION_M = "elevation_m";
    /** Property naming the power line a tower belongs to. */
    public static final String LINE = "line";

    public Asset {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        name = name == null || name.isBlank() ? id : name;
        agency = agency == null ? kind.defaultAgency() : agency;
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** A numeric property; empty when absent or not a number. */
    public OptionalDouble number(String key) {
        String v = properties.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A river's normal (bank-to-bank) width in metres, when the file gives one. */
    public OptionalDouble normalWidthM() {
        return number(NORMAL_WIDTH_M);
    }

    /** A dock's hardware profile id (see {@code ProfileCatalog.dock}), when the file gives one. */
    public Optional<String> dockProfileId() {
        return property(DOCK_PROFILE);
    }

    /** The power line a tower belongs to, when the file gives one. */
    public Optional<String> lineId() {
        return property(LINE);
    }
}
