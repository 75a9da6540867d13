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

    /**
     * The login a client id belongs to: the account whose name the id is, or begins with followed by
     * '-' (the longest such name, so "forestry-crew-1-x" is the crew's, not forestry's). A broker
     * lets a login use only its own client ids, so nobody can take another's id and knock it off.
     */
    public Optional<BrokerAccount> clientIdOwner(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        BrokerAccount owner = null;
        for (BrokerAccount a : byName.values()) {
            String name = a.username();
            boolean match = clientId.equals(name) || clientId.startsWith(name + "-");
            if (match && (owner == null || name.length() > owner.username().length())) {
                owner = a;
            }
        }
        return Optional.ofNullable(owner);
    }

    /** May {@code login} connect with {@code clientId}? (see {@link #clientIdOwner}) */
    public boolean ownsClientId(String login, String clientId) {
        return clientIdOwner(clientId).map(a -> a.username().equals(login)).orElse(false);
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
