package org.skyshare.station.alert;

import java.time.Duration;

/** What a finding is; the vision pipeline maps its detection classes onto these. */
public enum HazardKind {
    // lifetimes: a fire or a person in distress changes within hours, so a stale alert must not
    // linger on a map; a cut forest or a line defect stays true for days until someone resolves it
    FIRE("Fire", "Forest fire", Duration.ofHours(6)),
    SMOKE("Fire", "Smoke", Duration.ofHours(6)),
    HOTSPOT("Fire", "Thermal hotspot", Duration.ofHours(12)),
    FLOOD("Met", "Flood", Duration.ofHours(12)),
    ILLEGAL_LOGGING("Env", "Illegal logging", Duration.ofDays(3)),
    SEWAGE_DISCHARGE("Env", "Illegal sewage discharge", Duration.ofDays(1)),
    PERSON_IN_DISTRESS("Rescue", "Person in distress", Duration.ofHours(2)),
    LINE_DEFECT("Infra", "Power line defect", Duration.ofDays(3)),
    OTHER("Other", "Hazard", Duration.ofDays(1));

    private final String capCategory;
    private final String eventName;
    private final Duration alertLifetime;

    HazardKind(String capCategory, String eventName, Duration alertLifetime) {
        this.capCategory = capCategory;
        this.eventName = eventName;
        this.alertLifetime = alertLifetime;
    }

    /** How long an alert of this kind stays current after it is sent (CAP expires); an update renews it. */
    public Duration alertLifetime() {
        return alertLifetime;
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
