package org.skyshare.station.link;

import org.skyshare.sim.mavlink.MavlinkFrame;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The replies one kind of transaction (mission, command, parameter) waits for, handed over from the
 * reader thread. A transaction clears it first, so a late reply to an earlier one is never taken
 * for an answer.
 */
final class ProtocolChannel {
    private final BlockingQueue<MavlinkFrame> inbox = new LinkedBlockingQueue<>(10_000);
    private final Consumer<Object> sender;

    ProtocolChannel(Consumer<Object> sender) {
        this.sender = sender;
    }

    void offer(MavlinkFrame f) {
        inbox.offer(f);
    }

    void clear() {
        inbox.clear();
    }

    void send(Object message) {
        sender.accept(message);
    }

    /** The first frame matching, or null at the deadline; frames that do not match are discarded. */
    MavlinkFrame await(Predicate<MavlinkFrame> match, long deadlineNs) throws InterruptedException {
        while (true) {
            long left = deadlineNs - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            MavlinkFrame f = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                return null;
            }
            if (match.test(f)) {
                return f;
            }
        }
    }
}
