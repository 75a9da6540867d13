package org.skyshare.station.fleet;

import org.skyshare.station.link.ParamsPlugin;

import java.util.concurrent.CompletableFuture;

/**
 * The autopilot failsafes the station sets before every flight, so a drone that loses its link or
 * its battery comes home on its own (PX4 parameter names; ArduPilot equivalents are FS_GCS_ENABLE,
 * FS_GCS_TIMEOUT, RTL_ALT, BATT_FS_CRT_ACT).
 *
 * @param dataLinkLossAction  NAV_DLL_ACT: 2 = return
 * @param dataLinkLossTimeoutS COM_DL_LOSS_T
 * @param returnAltitudeM     RTL_RETURN_ALT
 * @param lowBatteryAction    COM_LOW_BAT_ACT: 3 = return at critical, land at emergency
 */
public record FailsafeSettings(int dataLinkLossAction, double dataLinkLossTimeoutS, double returnAltitudeM, int lowBatteryAction) {
    public static final FailsafeSettings RETURN_ON_LINK_LOSS = new FailsafeSettings(2, 10, 60, 3);

    public FailsafeSettings withLinkLossTimeout(double seconds) {
        return new FailsafeSettings(dataLinkLossAction, seconds, returnAltitudeM, lowBatteryAction);
    }

    CompletableFuture<Void> apply(ParamsPlugin params) {
        return params.set("NAV_DLL_ACT", dataLinkLossAction)
                .thenCompose(v -> params.set("COM_DL_LOSS_T", (float) dataLinkLossTimeoutS))
                .thenCompose(v -> params.set("RTL_RETURN_ALT", (float) returnAltitudeM))
                .thenCompose(v -> params.set("COM_LOW_BAT_ACT", lowBatteryAction));
    }
}
