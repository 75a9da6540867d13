package org.skyshare.station.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM for a long-running command: the signal only asks the command to stop, and the
 * JVM's shutdown waits (up to a grace period) until the command has stopped in order (stopped
 * launching, written its report, closed the database) and closed this. Without the wait the JVM
 * halts as soon as the hook returns, in the middle of writing the report.
 */
final class OrderlyStop implements AutoCloseable {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private OrderlyStop(Duration grace) {
        this.hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "orderly-stop");
    }

    static OrderlyStop onSignal(Duration grace) {
        OrderlyStop stop = new OrderlyStop(grace);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** No signal handling: for the console, whose window is how it stops. */
    static OrderlyStop none() {
        return new OrderlyStop(Duration.ZERO);
    }

    /** Waits up to {@code nanos} for a stop signal; true when one came. */
    boolean awaitRequest(long nanos) throws InterruptedException {
        return requested.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** The command has stopped in order: a shutdown waiting in the hook may go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the signal came: the hook is running and now returns
        }
    }
}
