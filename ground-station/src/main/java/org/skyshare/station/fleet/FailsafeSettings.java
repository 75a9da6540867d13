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
    /**
     * The station sends its heartbeat once a second; a link-loss timeout under two periods would trip on one late
     * heartbeat and send a healthy drone home (a 1 s timeout made a link test fail now and then).
     */
    public static final double MIN_LINK_LOSS_TIMEOUT_S = 2;

    public FailsafeSettings {
        if (!(dataLinkLossTimeoutS >= MIN_LINK_LOSS_TIMEOUT_S)) {
            throw new IllegalArgumentException("data-link-loss timeout (COM_DL_LOSS_T) must be at least "
                    + MIN_LINK_LOSS_TIMEOUT_S + " s, twice the station's 1 s heartbeat, got " + dataLinkLossTimeoutS + " s");
        }
    }

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
