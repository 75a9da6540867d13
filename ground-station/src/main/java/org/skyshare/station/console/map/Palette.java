package org.skyshare.station.console.map;

import javafx.scene.paint.Color;

/** Map colours in one place so the legend and the layers agree. */
public final class Palette {
    public static final Color BACKGROUND = Color.web("#eef0e8");
    public static final Color FOREST_FILL = Color.web("#4f8a3c", 0.35);
    public static final Color FOREST_EDGE = Color.web("#2f6a24");
    public static final Color RIVER = Color.web("#3a7bd5", 0.75);
    public static final Color POWER_LINE = Color.web("#333333");
    public static final Color TOWER = Color.web("#111111");
    public static final Color DOCK = Color.web("#7b2cbf");
    public static final Color NO_FLY_FILL = Color.web("#d00000", 0.18);
    public static final Color NO_FLY_EDGE = Color.web("#d00000");
    private static final Color[] ROUTES = {
        Color.web("#e85d04"), Color.web("#0077b6"), Color.web("#6a994e"), Color.web("#9d0208"),
        Color.web("#5a189a"), Color.web("#ff006e"), Color.web("#007f5f"), Color.web("#b08900")};

    private Palette() {
    }

    public static Color route(int index) {
        return ROUTES[Math.floorMod(index, ROUTES.length)];
    }

    public static Color owner(String agency) {
        return switch (agency == null ? "" : agency) {
            case "forestry" -> Color.web("#2d6a4f");
            case "water" -> Color.web("#0077b6");
            case "power" -> Color.web("#444444");
            case "emergency" -> Color.web("#d00000");
            case "forest-farm" -> Color.web("#8a5a00");
            case "grid" -> Color.web("#7b2cbf");
            default -> Color.web("#666666");
        };
    }

    public static Color hazard(String kind) {
        return switch (kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT)) {
            case "fire", "hotspot" -> Color.web("#e63946");
            case "smoke" -> Color.web("#6c757d");
            case "flood", "water" -> Color.web("#1d4ed8");
            case "logging" -> Color.web("#8a5a00");
            case "discharge", "sewage" -> Color.web("#6a994e");
            case "person", "rescue" -> Color.web("#ff9f1c");
            default -> Color.web("#7b2cbf");
        };
    }

    public static Color state(String state) {
        return switch (state == null ? "" : state.toLowerCase(java.util.Locale.ROOT)) {
            case "pending", "review", "new" -> Color.web("#ffd60a");
            case "confirmed", "dispatched", "sent" -> Color.web("#111111");
            case "acknowledged", "on_site" -> Color.web("#0077b6");
            case "resolved", "closed" -> Color.web("#2b9348");
            case "dismissed" -> Color.web("#adb5bd");
            default -> Color.web("#ffffff");
        };
    }
}
