package org.skyshare.station.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The broker's logins, by user name. */
public final class BrokerAccounts {
    private final Map<String, BrokerAccount> byName = new LinkedHashMap<>();

    public BrokerAccounts(List<BrokerAccount> accounts) {
        for (BrokerAccount a : accounts) {
            if (byName.put(a.username(), a) != null) {
                throw new IllegalArgumentException("broker user '" + a.username() + "' is listed twice");
            }
        }
    }

    public List<BrokerAccount> all() {
        return List.copyOf(byName.values());
    }

    public Optional<BrokerAccount> find(String username) {
        return Optional.ofNullable(username == null ? null : byName.get(username));
    }

    /** The account when the password matches (compared in constant time), else empty. */
    public Optional<BrokerAccount> authenticate(String username, byte[] password) {
        BrokerAccount a = username == null ? null : byName.get(username);
        if (a == null || password == null) {
            return Optional.empty();
        }
        boolean ok = MessageDigest.isEqual(a.password().getBytes(StandardCharsets.UTF_8), password);
        return ok ? Optional.of(a) : Optional.empty();
    }
}
