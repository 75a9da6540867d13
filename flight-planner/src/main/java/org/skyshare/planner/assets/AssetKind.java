package org.skyshare.planner.assets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an asset is; the {@link #code()} is the {@code kind} property of an asset file. */
public enum AssetKind {
    FOREST("forest", "forestry"),
    RIVER("river", "water"),
    POWER_LINE("power_line", "power"),
    TOWER("tower", "power"),
    DOCK("dock", "power"),
    NO_FLY("no_fly", "");

    private final String code;
    private final String defaultAgency;

    AssetKind(String code, String defaultAgency) {
        this.code = code;
        this.defaultAgency = defaultAgency;
    }

    public String code() {
        return code;
    }

    /** The agency that owns an asset of this kind when its file names none (empty for no-fly zones). */
    public String defaultAgency() {
        return defaultAgency;
    }

    /** Parses a file's kind; accepts {@code no-fly} and any letter case as well. Empty when unknown. */
    public static java.util.Optional<AssetKind> fromCode(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(AssetKind::code).collect(Collectors.joining(", "));
    }
}
