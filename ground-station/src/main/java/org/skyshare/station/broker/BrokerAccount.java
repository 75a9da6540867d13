package org.skyshare.station.broker;

/** A broker login: the name is the agency or crew name used in topics. */
public record BrokerAccount(String username, String password, BrokerRole role) {
    public BrokerAccount {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{0,59}")) {
            throw new IllegalArgumentException("broker user '" + username
                    + "' must be lower-case letters, digits, '.', '_' or '-' (it is a topic level)");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password of broker user '" + username + "' must have at least 8 characters");
        }
    }

    @Override
    public String toString() {
        return "BrokerAccount[" + username + ", " + role + "]";
    }
}
