package org.skyshare.station.desk;

import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks an agency's desk login; the station uses the agencies' broker accounts. */
public interface DeskLogins {
    /** The agency the login belongs to, or empty when user and password do not match an agency. */
    Optional<String> agency(String user, String password);

    /** Agencies log in to the desk with the account they read their alerts with (role AGENCY only). */
    static DeskLogins agenciesOf(BrokerAccounts accounts) {
        return (user, password) -> accounts.authenticate(user, password.getBytes(StandardCharsets.UTF_8))
                .filter(a -> a.role() == BrokerRole.AGENCY).map(BrokerAccount::username);
    }
}
