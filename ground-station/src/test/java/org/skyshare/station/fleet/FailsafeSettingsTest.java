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

    @Test
    void eachFirmwareGetsItsOwnParameterNamesUnitsAndCodes() {
        FailsafeSettings s = FailsafeSettings.RETURN_ON_LINK_LOSS;
        assertThat(s.parametersFor(org.skyshare.station.link.Autopilot.PX4)).containsExactly(
                org.assertj.core.api.Assertions.entry("NAV_DLL_ACT", 2f), org.assertj.core.api.Assertions.entry("COM_DL_LOSS_T", 10f),
                org.assertj.core.api.Assertions.entry("RTL_RETURN_ALT", 60f), org.assertj.core.api.Assertions.entry("COM_LOW_BAT_ACT", 3f));
        // ArduPilot: RTL is FS_GCS_ENABLE 1, the return altitude is in centimetres, battery RTL when low and land when critical
        assertThat(s.parametersFor(org.skyshare.station.link.Autopilot.ARDUPILOT)).containsExactly(
                org.assertj.core.api.Assertions.entry("FS_GCS_ENABLE", 1f), org.assertj.core.api.Assertions.entry("FS_GCS_TIMEOUT", 10f),
                org.assertj.core.api.Assertions.entry("RTL_ALT", 6000f), org.assertj.core.api.Assertions.entry("BATT_FS_LOW_ACT", 2f),
                org.assertj.core.api.Assertions.entry("BATT_FS_CRT_ACT", 1f));
        assertThatThrownBy(() -> new FailsafeSettings(1, 10, 60, 3).parametersFor(org.skyshare.station.link.Autopilot.ARDUPILOT))
                .hasMessageContaining("NAV_DLL_ACT").hasMessageContaining("use 0 (none), 2 (return) or 3 (land)");
    }
}
