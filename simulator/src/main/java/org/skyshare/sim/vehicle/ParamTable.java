package org.skyshare.sim.vehicle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a simulated vehicle exposes over the MAVLink parameter protocol: the PX4 names
 * for the failsafes the station sets before flight, plus the few that shape its flying. All are
 * REAL32 on the wire so any ground station can read and write them without PX4's bytewise ints.
 */
public final class ParamTable {
    /** Data-link-loss action: 0 disabled, 1 hold, 2 return, 3 land. PX4's default is disabled. */
    public static final String NAV_DLL_ACT = "NAV_DLL_ACT";
    /** Seconds without a ground station heartbeat before the data-link-loss action. */
    public static final String COM_DL_LOSS_T = "COM_DL_LOSS_T";
    /** Low-battery action: 0 warn, 2 land at critical, 3 return at critical and land at emergency. */
    public static final String COM_LOW_BAT_ACT = "COM_LOW_BAT_ACT";
    public static final String BAT_LOW_THR = "BAT_LOW_THR";
    public static final String BAT_CRIT_THR = "BAT_CRIT_THR";
    public static final String BAT_EMERGEN_THR = "BAT_EMERGEN_THR";
    /** Return altitude above home, metres. */
    public static final String RTL_RETURN_ALT = "RTL_RETURN_ALT";
    /** Geofence breach action: 0 none, 1 warn, 2 hold, 3 return, 5 land. */
    public static final String GF_ACTION = "GF_ACTION";
    public static final String MIS_TAKEOFF_ALT = "MIS_TAKEOFF_ALT";
    /** Waypoint acceptance radius, metres, when an item gives none. */
    public static final String NAV_ACC_RAD = "NAV_ACC_RAD";
    public static final String MPC_XY_CRUISE = "MPC_XY_CRUISE";

    private final Map<String, Float> values = new LinkedHashMap<>();

    ParamTable(double cruiseSpeedMps) {
        values.put(NAV_DLL_ACT, 0f);
        values.put(COM_DL_LOSS_T, 10f);
        values.put(COM_LOW_BAT_ACT, 3f);
        values.put(BAT_LOW_THR, 0.15f);
        values.put(BAT_CRIT_THR, 0.07f);
        values.put(BAT_EMERGEN_THR, 0.05f);
        values.put(RTL_RETURN_ALT, 60f);
        values.put(GF_ACTION, 2f);
        values.put(MIS_TAKEOFF_ALT, 10f);
        values.put(NAV_ACC_RAD, 2f);
        values.put(MPC_XY_CRUISE, (float) cruiseSpeedMps);
    }

    public synchronized float get(String name) {
        Float v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return v;
    }

    /** @return false when the vehicle has no parameter of that name (the set is ignored, like PX4) */
    public synchronized boolean set(String name, float value) {
        if (!values.containsKey(name) || Float.isNaN(value)) {
            return false;
        }
        values.put(name, value);
        return true;
    }

    public synchronized boolean has(String name) {
        return values.containsKey(name);
    }

    public synchronized List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(values.keySet()));
    }

    public synchronized int indexOf(String name) {
        return names().indexOf(name);
    }
}
