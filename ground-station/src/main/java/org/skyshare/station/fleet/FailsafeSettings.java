package org.skyshare.station.fleet;

import org.skyshare.station.link.Autopilot;
import org.skyshare.station.link.ParamsPlugin;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.concurrent.CompletableFuture;

/**
 * The autopilot failsafes the station sets before every flight, so a drone that loses its link or
 * its battery comes home on its own. Values are in PX4's terms; {@link #parametersFor} writes them
 * in each firmware's own names, units and codes (ArduPilot: FS_GCS_ENABLE, FS_GCS_TIMEOUT, RTL_ALT
 * in centimetres, BATT_FS_LOW_ACT / BATT_FS_CRT_ACT).
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

    /** The parameters that carry these settings on one firmware, in the order they are set. */
    public Map<String, Float> parametersFor(Autopilot autopilot) {
        Map<String, Float> p = new LinkedHashMap<>();
        if (autopilot == Autopilot.ARDUPILOT) {
            p.put("FS_GCS_ENABLE", (float) switch (dataLinkLossAction) {
                case 0 -> 0; // disabled
                case 2 -> 1; // RTL
                case 3 -> 5; // land
                default -> throw new IllegalArgumentException("ArduPilot has no equivalent of link-loss action " + dataLinkLossAction
                        + " (NAV_DLL_ACT); use 0 (none), 2 (return) or 3 (land)");
            });
            p.put("FS_GCS_TIMEOUT", (float) dataLinkLossTimeoutS);
            p.put("RTL_ALT", (float) Math.round(returnAltitudeM * 100)); // centimetres
            float[] battery = switch (lowBatteryAction) {
                case 0 -> new float[] {0, 0}; // warn only
                case 2 -> new float[] {1, 1}; // land
                case 3 -> new float[] {2, 1}; // RTL when low, land when critical
                default -> throw new IllegalArgumentException("ArduPilot has no equivalent of low-battery action " + lowBatteryAction
                        + " (COM_LOW_BAT_ACT); use 0, 2 or 3");
            };
            p.put("BATT_FS_LOW_ACT", battery[0]);
            p.put("BATT_FS_CRT_ACT", battery[1]);
        } else {
            p.put("NAV_DLL_ACT", (float) dataLinkLossAction);
            p.put("COM_DL_LOSS_T", (float) dataLinkLossTimeoutS);
            p.put("RTL_RETURN_ALT", (float) returnAltitudeM);
            p.put("COM_LOW_BAT_ACT", (float) lowBatteryAction);
        }
        return p;
    }

    CompletableFuture<Void> apply(ParamsPlugin params, Autopilot autopilot) {
        Map<String, Float> wanted;
        try {
            wanted = parametersFor(autopilot);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, Float> e : wanted.entrySet()) {
            chain = chain.thenCompose(v -> params.set(e.getKey(), e.getValue()));
        }
        return chain;
    }
}
