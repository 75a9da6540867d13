package org.skyshare.planner.plan;

/** A plan that cannot be made as asked; the message says why and what would work. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
