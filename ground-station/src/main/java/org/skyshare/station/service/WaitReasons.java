package org.skyshare.station.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why each drone is not launching its next sortie, and whether that is news worth a sentence. The
 * figures in a reason move every tick (battery 41 %, 42 %...), so only a change of its words is a
 * new reason: a drone charging for an hour says so once, not sixty times, and not never.
 */
final class WaitReasons {
    private final Map<String, String> words = new ConcurrentHashMap<>();
    private final Map<String, String> current = new ConcurrentHashMap<>();

    /**
     * Records the reason (empty: ready, nothing to wait for); true when it should be said,
     * that is when its words differ from the drone's last reason.
     */
    boolean note(String drone, String patrol, String why) {
        String w = why.isEmpty() ? "" : patrol + ": " + why.replaceAll("[0-9]+(\\.[0-9]+)?", "#");
        String before = words.put(drone, w);
        if (why.isEmpty()) {
            current.remove(drone);
            return false;
        }
        current.put(drone, patrol + ": " + why);
        return !w.equals(before);
    }

    /** The latest reason of each waiting drone, by drone name; safe to read from another thread. */
    Map<String, String> current() {
        return new TreeMap<>(current);
    }
}
