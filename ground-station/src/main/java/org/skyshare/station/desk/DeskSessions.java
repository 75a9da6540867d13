package org.skyshare.station.desk;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in agency desks: an unguessable session id (the cookie) and a CSRF token per session. */
final class DeskSessions {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    record Session(String agency, String csrfToken, Instant expires) {
    }

    DeskSessions(Clock clock) {
        this.clock = clock;
    }

    String open(String agency) {
        String id = token();
        sessions.put(id, new Session(agency, token(), clock.instant().plus(LIFETIME)));
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || !clock.instant().isBefore(s.expires())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        sessions.remove(id);
    }

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
