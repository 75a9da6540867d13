package org.skyshare.planner.plan.validate;

/** One broken rule of a plan: which rule, where, and the figures. */
public record Violation(String rule, String where, String detail) {
    @Override
    public String toString() {
        return rule + " at " + where + ": " + detail;
    }
}
