package org.skyshare.profiles;

import java.util.Locale;

public enum ProfileKind {
    AIRCRAFT(AircraftProfile.class), CAMERA(CameraProfile.class), DOCK(DockProfile.class);

    private final Class<? extends Profile> type;

    ProfileKind(Class<? extends Profile> type) {
        this.type = type;
    }

    public Class<? extends Profile> type() {
        return type;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
