package org.skyshare.station.link;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** MAVLink message names (GLOBAL_POSITION_INT) from the io.dronefleet class names (GlobalPositionInt). */
final class MessageNames {
    private static final Map<Class<?>, String> CACHE = new ConcurrentHashMap<>();

    private MessageNames() {
    }

    static String of(Class<?> type) {
        return CACHE.computeIfAbsent(type, t -> {
            String s = t.getSimpleName();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isUpperCase(c) && i > 0) {
                    b.append('_');
                }
                b.append(Character.toUpperCase(c));
            }
            return b.toString();
        });
    }
}
