package org.skyshare.planner.assets;

/** A geometry fix applied on import, reported so the operator can correct the source file. */
public record Repair(String source, String featureId, String what) {
    @Override
    public String toString() {
        return source + ": feature " + featureId + ": " + what;
    }
}
