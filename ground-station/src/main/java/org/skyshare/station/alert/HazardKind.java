package org.skyshare.station.alert;

/** What a finding is; the vision pipeline maps its detection classes onto these. */
public enum HazardKind {
    FIRE("Fire", "Forest fire"),
    SMOKE("Fire", "Smoke"),
    HOTSPOT("Fire", "Thermal hotspot"),
    FLOOD("Met", "Flood"),
    ILLEGAL_LOGGING("Env", "Illegal logging"),
    SEWAGE_DISCHARGE("Env", "Illegal sewage discharge"),
    PERSON_IN_DISTRESS("Rescue", "Person in distress"),
    LINE_DEFECT("Infra", "Power line defect"),
    OTHER("Other", "Hazard");

    private final String capCategory;
    private final String eventName;

    HazardKind(String capCategory, String eventName) {
        this.capCategory = capCategory;
        this.eventName = eventName;
    }

    /** The CAP 1.2 info/category value. */
    public String capCategory() {
        return capCategory;
    }

    /** A short human name, used as CAP info/event and as the pin's text. */
    public String eventName() {
        return eventName;
    }
}
