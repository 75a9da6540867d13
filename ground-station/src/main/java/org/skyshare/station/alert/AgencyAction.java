package org.skyshare.station.alert;

import java.util.Locale;

/** What an agency or crew reports back on an alert. */
public enum AgencyAction {
    ACKNOWLEDGED, ON_THE_WAY, ON_SITE, RESOLVED;

    public static AgencyAction parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (AgencyAction a : values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("action '" + text + "' is not one of acknowledged, on-the-way, on-site, resolved");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
