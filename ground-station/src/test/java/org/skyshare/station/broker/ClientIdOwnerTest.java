package org.skyshare.station.broker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which login a client id belongs to: its own name, or its name and '-' then anything; the longest name wins. */
class ClientIdOwnerTest {
    private final BrokerAccounts accounts = new BrokerAccounts(List.of(
            new BrokerAccount("station", "station-secret", BrokerRole.STATION),
            new BrokerAccount("forestry", "forestry-secret", BrokerRole.AGENCY),
            new BrokerAccount("forestry-crew-1", "crew-secret-1", BrokerRole.CREW)));

    @Test
    void aLoginOwnsItsNameAndItsNameWithASuffix() {
        assertThat(accounts.ownsClientId("station", "station-jingshan-01")).isTrue();
        assertThat(accounts.ownsClientId("forestry", "forestry")).isTrue();
        assertThat(accounts.ownsClientId("forestry", "forestry-agency-3f2a")).isTrue();
    }

    @Test
    void noLoginOwnsAnotherLoginsIdsOrUnboundOnes() {
        assertThat(accounts.ownsClientId("forestry", "station-jingshan-01")).isFalse();
        assertThat(accounts.ownsClientId("forestry", "forestry-crew-1-phone")).isFalse();
        assertThat(accounts.ownsClientId("forestry-crew-1", "forestry-crew-1-phone")).isTrue();
        assertThat(accounts.ownsClientId("forestry", "forestryx")).isFalse();
        assertThat(accounts.ownsClientId("forestry", "skyshare-jingshan-01")).isFalse();
        assertThat(accounts.ownsClientId("forestry", "")).isFalse();
        assertThat(accounts.clientIdOwner("skyshare-jingshan-01")).isEmpty();
    }
}
