package org.skyshare.station.alert;

/** How bad a finding is, ordered from least to most; names follow CAP 1.2 severity. */
public enum HazardSeverity {
    MINOR("Minor"),
    MODERATE("Moderate"),
    SEVERE("Severe"),
    EXTREME("Extreme");

    private final String cap;

    HazardSeverity(String cap) {
        this.cap = cap;
    }

    public String capValue() {
        return cap;
    }
}
