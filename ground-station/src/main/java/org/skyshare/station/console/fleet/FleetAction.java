package org.skyshare.station.console.fleet;

/** Operator actions on one drone; the dangerous ones ask for confirmation first. */
public enum FleetAction {
    UPLOAD("Upload mission", false),
    START("Start mission", true),
    PAUSE("Pause", false),
    RESUME("Resume", false),
    RETURN_TO_DOCK("Return to dock", false),
    LAND("Land here", true);

    private final String label;
    private final boolean dangerous;

    FleetAction(String label, boolean dangerous) {
        this.label = label;
        this.dangerous = dangerous;
    }

    public String label() {
        return label;
    }

    public boolean dangerous() {
        return dangerous;
    }
}
