package org.skyshare.station.link;

import java.util.function.BooleanSupplier;

/** Waits on a condition with a deadline, polling; fails with what it waited for. */
public final class Await {
    private Await() {
    }

    public static void until(String what, double seconds, BooleanSupplier condition) throws InterruptedException {
        until(what, seconds, condition, () -> "");
    }

    /** As {@link #until(String, double, BooleanSupplier)}, adding what {@code state} says at the timeout to the failure. */
    public static void until(String what, double seconds, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for: " + what + " " + state.get());
            }
            synchronized (monitor) {
                monitor.wait(20); // polling interval of a deadline wait, not a synchronisation sleep
            }
        }
    }
}
