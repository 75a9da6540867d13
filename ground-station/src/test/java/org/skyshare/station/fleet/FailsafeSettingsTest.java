package org.skyshare.station.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailsafeSettingsTest {
    @Test
    void aLinkLossTimeoutShorterThanTwoHeartbeatsIsRefused() {
        assertThatThrownBy(() -> FailsafeSettings.RETURN_ON_LINK_LOSS.withLinkLossTimeout(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COM_DL_LOSS_T").hasMessageContaining("at least 2.0 s").hasMessageContaining("got 1.0 s");
        assertThatThrownBy(() -> FailsafeSettings.RETURN_ON_LINK_LOSS.withLinkLossTimeout(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FailsafeSettings.RETURN_ON_LINK_LOSS.withLinkLossTimeout(2).dataLinkLossTimeoutS()).isEqualTo(2);
        assertThat(FailsafeSettings.RETURN_ON_LINK_LOSS.dataLinkLossTimeoutS()).isEqualTo(10);
    }
}
