package org.skyshare.station.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the embedded broker refused, counted by kind and logged one line each (at WARN, under the
 * logger "broker"), so an operator sees an attack and a test can prove each one failed.
 */
public final class BrokerRefusals {
    private static final Logger LOG = LoggerFactory.getLogger("broker");

    /** Why a client was refused. */
    public enum Kind {
        /** connected with a client id that belongs to another login */
        CLIENT_ID("client id"),
        /** connected with a Last Will on a topic its login may not publish to */
        WILL("last will"),
        /** published (plain or retained) to a topic its login may not publish to */
        PUBLISH("publish"),
        /** subscribed to a topic its login may not read */
        SUBSCRIBE("subscribe");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);

    public BrokerRefusals() {
        for (Kind k : Kind.values()) {
            counts.put(k, new AtomicLong());
        }
    }

    void refuse(Kind kind, String user, String clientId, String detail) {
        long n = counts.get(kind).incrementAndGet();
        LOG.warn("broker refused {} of user {} (client {}): {} [{} {} refusal(s) so far]",
                kind.label, user, clientId, detail, n, kind.label);
    }

    public long count(Kind kind) {
        return counts.get(kind).get();
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** "client id 0, last will 1, publish 2, subscribe 0". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.label).append(' ').append(count(k));
        }
        return sb.toString();
    }
}
