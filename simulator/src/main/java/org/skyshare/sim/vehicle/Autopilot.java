package org.skyshare.sim.vehicle;

import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.profiles.AircraftProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The flight logic of a simulated multicopter, free of any networking: phases (PX4 modes), mission
 * execution, kinematics with wind and gusts, battery drain by the aircraft profile, charging in the
 * dock, and the failsafes (low battery, data link loss, geofence, GPS loss). {@link SimVehicle}
 * drives it with {@link #step(double)} and forwards commands to it; tests can drive it directly.
 *
 * <p>Not thread-safe on its own: the vehicle serialises every call on one lock.
 */
final class Autopilot {
    private static final double ACCEL_MPS2 = 3.0;
    private static final double GUST_TAU_S = 3.0;
    private static final double GUST_RESIDUAL = 0.15;
    private static final double TILT_DEG_PER_MPS = 1.5;
    private static final double DOCK_RADIUS_M = 3.0;

    private final VehicleConfig cfg;
    private final AircraftProfile aircraft;
    private final LocalTangent geo;
    private final Random rng;
    final ParamTable params;

    private double simTimeS;
    private double e;
    private double n;
    private double u;
    private double ve;
    private double vn;
    private double vu;
    private double headingDeg;
    private double rollDeg;
    private double pitchDeg;
    private double batteryPct = 100;
    private FlightPhase phase = FlightPhase.DOCKED;
    private boolean armed;
    private boolean gpsOk = true;
    private double lastFixE;
    private double lastFixN;

    private List<MissionItem> mission = List.of();
    private int current;
    private boolean missionFinished;
    private double missionClimbAltM = -1;
    private double holdUntilS = -1;
    private Geofence fence = Geofence.NONE;
    private List<MissionItem> fenceItems = List.of();
    private List<MissionItem> rallyItems = List.of();
    private boolean insideBreach;
    private boolean lowWarned;
    private boolean criticalActed;
    private boolean emergencyActed;
    private boolean linkLossActed;

    private double targetE;
    private double targetN;
    private double targetU;
    private double speedMps;
    private double gimbalPitchDeg = -90;
    private double gimbalYawDeg;
    private double gustE;
    private double gustN;
    private double distanceFlownM;

    private final List<AutopilotEvent> events = new ArrayList<>();

    Autopilot(VehicleConfig cfg) {
        this.cfg = cfg;
        this.aircraft = cfg.aircraft();
        this.geo = new LocalTangent(cfg.homeLatDeg(), cfg.homeLonDeg());
        this.rng = new Random(cfg.seed());
        this.params = new ParamTable(aircraft.cruiseSpeedMps());
        this.speedMps = aircraft.cruiseSpeedMps();
    }

    // ---- state ------------------------------------------------------------------------------

    VehicleState snapshot() {
        double reportedE = gpsOk ? e : lastFixE;
        double reportedN = gpsOk ? n : lastFixN;
        return new VehicleState(cfg.systemId(), simTimeS, geo.latDeg(reportedN), geo.lonDeg(reportedE),
                cfg.homeAltitudeAmslM() + u, u, headingDeg, rollDeg, pitchDeg, Math.hypot(ve, vn), vu,
                gimbalPitchDeg, 0, gimbalYawDeg, phase, armed, batteryPct, mission.isEmpty() ? -1 : current, gpsOk);
    }

    FlightPhase phase() {
        return phase;
    }

    boolean armed() {
        return armed;
    }

    int currentSeq() {
        return current;
    }

    int missionSize() {
        return mission.size();
    }

    boolean missionFinished() {
        return missionFinished;
    }

    double velocityEastMps() {
        return ve;
    }

    double velocityNorthMps() {
        return vn;
    }

    double velocityUpMps() {
        return vu;
    }

    double distanceFlownM() {
        return distanceFlownM;
    }

    double airspeedMps() {
        double[] w = windVector();
        return Math.hypot(ve - w[0], vn - w[1]);
    }

    List<MissionItem> items(int missionType) {
        return switch (missionType) {
            case 1 -> fenceItems;
            case 2 -> rallyItems;
            default -> mission;
        };
    }

    List<AutopilotEvent> drainEvents() {
        List<AutopilotEvent> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    private void say(int severity, String text) {
        events.add(new AutopilotEvent.StatusText(severity, text));
    }

    // ---- missions ---------------------------------------------------------------------------

    /** @return null when accepted, otherwise why (MAV_MISSION_RESULT name and reason) */
    String acceptItems(int missionType, List<MissionItem> items) {
        if (missionType == 1) {
            Geofence parsed;
            try {
                parsed = Geofence.fromItems(items, geo);
            } catch (IllegalArgumentException ex) {
                return "INVALID:" + ex.getMessage();
            }
            fence = parsed;
            fenceItems = List.copyOf(items);
            insideBreach = false;
            return null;
        }
        if (missionType == 2) {
            rallyItems = List.copyOf(items);
            return null;
        }
        for (MissionItem it : items) {
            if (!supportedFrame(it.frame())) {
                return "UNSUPPORTED_FRAME:item " + it.seq() + " frame " + it.frame();
            }
            if (!supportedCommand(it.command())) {
                return "UNSUPPORTED:item " + it.seq() + " command " + it.command();
            }
        }
        mission = List.copyOf(items);
        if (phase != FlightPhase.MISSION || current >= mission.size()) {
            current = 0;
        }
        missionFinished = false;
        return null;
    }

    void clearItems(int missionType) {
        if (missionType == 1) {
            fence = Geofence.NONE;
            fenceItems = List.of();
        } else if (missionType == 2) {
            rallyItems = List.of();
        } else {
            mission = List.of();
            current = 0;
            missionFinished = false;
            if (phase == FlightPhase.MISSION) {
                hold();
            }
        }
    }

    boolean setCurrent(int seq) {
        if (seq < 0 || seq >= mission.size()) {
            return false;
        }
        current = seq;
        missionFinished = false;
        holdUntilS = -1;
        return true;
    }

    private static boolean supportedFrame(int frame) {
        return frame == 0 || frame == 2 || frame == 3 || frame == 5 || frame == 6 || frame == 10 || frame == 11;
    }

    private static boolean supportedCommand(int cmd) {
        return switch (cmd) {
            case MavCmd.NAV_WAYPOINT, 17, MavCmd.NAV_LOITER_TIME, MavCmd.NAV_RETURN_TO_LAUNCH, MavCmd.NAV_LAND,
                 MavCmd.NAV_TAKEOFF, MavCmd.CONDITION_YAW, MavCmd.DO_CHANGE_SPEED, MavCmd.DO_SET_ROI_LOCATION,
                 MavCmd.DO_SET_CAM_TRIGG_DIST, MavCmd.DO_MOUNT_CONTROL, MavCmd.DO_GIMBAL_MANAGER_PITCHYAW,
                 MavCmd.IMAGE_START_CAPTURE, MavCmd.IMAGE_STOP_CAPTURE, 197, 530, 2500, 2501 -> true;
            default -> false;
        };
    }

    // ---- commands ---------------------------------------------------------------------------

    CommandResult arm() {
        if (armed) {
            return CommandResult.ACCEPTED;
        }
        if (phase.airborne()) {
            return CommandResult.DENIED;
        }
        if (!gpsOk) {
            say(2, "Arming denied: no GPS fix");
            return CommandResult.DENIED;
        }
        if (batteryPct <= params.get(ParamTable.BAT_CRIT_THR) * 100) {
            say(2, "Arming denied: battery critical");
            return CommandResult.DENIED;
        }
        armed = true;
        phase = FlightPhase.ARMED_ON_GROUND;
        resetFailsafes();
        say(6, "Armed");
        return CommandResult.ACCEPTED;
    }

    CommandResult disarm(boolean force) {
        if (!armed) {
            return CommandResult.ACCEPTED;
        }
        if (phase.airborne() && !force) {
            return CommandResult.DENIED;
        }
        touchdown();
        return CommandResult.ACCEPTED;
    }

    CommandResult takeoff(double altM) {
        if (!armed) {
            return CommandResult.DENIED;
        }
        targetE = e;
        targetN = n;
        targetU = altM > 0 ? altM : params.get(ParamTable.MIS_TAKEOFF_ALT);
        phase = FlightPhase.TAKEOFF;
        say(6, "Takeoff to " + Math.round(targetU) + " m");
        return CommandResult.ACCEPTED;
    }

    CommandResult startMission() {
        if (mission.isEmpty()) {
            say(4, "Mission start denied: no mission");
            return CommandResult.DENIED;
        }
        if (!armed) {
            say(4, "Mission start denied: disarmed");
            return CommandResult.DENIED;
        }
        if (missionFinished || current >= mission.size()) {
            current = 0;
            missionFinished = false;
        }
        if (!phase.airborne()) {
            missionClimbAltM = Math.max(params.get(ParamTable.MIS_TAKEOFF_ALT), firstNavAltitude());
            targetE = e;
            targetN = n;
        }
        holdUntilS = -1;
        phase = FlightPhase.MISSION;
        say(6, "Mission started at item " + current);
        return CommandResult.ACCEPTED;
    }

    private double firstNavAltitude() {
        for (int i = current; i < mission.size(); i++) {
            MissionItem it = mission.get(i);
            if (it.hasPosition() && it.command() != MavCmd.DO_SET_ROI_LOCATION) {
                return relativeAlt(it);
            }
        }
        return 0;
    }

    CommandResult pause() {
        if (!phase.airborne()) {
            return CommandResult.DENIED;
        }
        hold();
        say(6, "Holding position");
        return CommandResult.ACCEPTED;
    }

    CommandResult resume() {
        if (!phase.airborne() || mission.isEmpty() || missionFinished) {
            return CommandResult.DENIED;
        }
        phase = FlightPhase.MISSION;
        say(6, "Mission resumed at item " + current);
        return CommandResult.ACCEPTED;
    }

    CommandResult returnToLaunch() {
        if (!phase.airborne()) {
            return CommandResult.DENIED;
        }
        startReturn("Returning to dock");
        return CommandResult.ACCEPTED;
    }

    CommandResult land() {
        if (!phase.airborne()) {
            return CommandResult.DENIED;
        }
        startLand("Landing");
        return CommandResult.ACCEPTED;
    }

    /** A fresh battery while in the dock (swap or charge complete). */
    boolean swapBattery() {
        if (phase.airborne() || armed) {
            return false;
        }
        batteryPct = 100;
        say(6, "Battery swapped");
        return true;
    }

    void setGimbal(double pitchDeg, double yawDeg) {
        gimbalPitchDeg = Math.max(-90, Math.min(30, pitchDeg));
        gimbalYawDeg = yawDeg;
    }

    // ---- failures ---------------------------------------------------------------------------

    void injectBatteryPct(double pct) {
        batteryPct = Math.max(0, Math.min(100, pct));
    }

    void loseGps() {
        if (!gpsOk) {
            return;
        }
        gpsOk = false;
        lastFixE = e;
        lastFixN = n;
        say(2, "GPS lost");
        if (phase.airborne() && phase != FlightPhase.LAND) {
            startLand("Failsafe: no position, landing");
        }
    }

    void restoreGps() {
        if (!gpsOk) {
            gpsOk = true;
            say(6, "GPS fix regained");
        }
    }

    /** Called by the vehicle when no ground station heartbeat has come for COM_DL_LOSS_T. */
    void dataLinkLost() {
        if (linkLossActed || !phase.airborne()) {
            return;
        }
        linkLossActed = true;
        int action = Math.round(params.get(ParamTable.NAV_DLL_ACT));
        switch (action) {
            case 1 -> {
                hold();
                say(2, "Failsafe: data link lost, holding");
            }
            case 2 -> {
                if (phase != FlightPhase.RETURN && phase != FlightPhase.LAND) {
                    startReturn("Failsafe: data link lost, returning");
                }
            }
            case 3 -> startLand("Failsafe: data link lost, landing");
            default -> say(4, "Data link lost, no failsafe action set");
        }
    }

    void dataLinkRegained() {
        if (linkLossActed) {
            linkLossActed = false;
            say(6, "Data link regained");
        }
    }

    private void resetFailsafes() {
        lowWarned = false;
        criticalActed = false;
        emergencyActed = false;
        linkLossActed = false;
        insideBreach = false;
    }

    // ---- physics ----------------------------------------------------------------------------

    void step(double dtS) {
        simTimeS += dtS;
        updateGust(dtS);
        switch (phase) {
            case DOCKED -> {
                charge(dtS);
                return;
            }
            case LANDED -> {
                return;
            }
            case ARMED_ON_GROUND -> {
                drain(dtS, 0.15);
                return;
            }
            case TAKEOFF -> {
                guide(targetE, targetN, targetU, dtS);
                if (Math.abs(u - targetU) < 0.3) {
                    hold();
                }
            }
            case HOLD -> guide(targetE, targetN, targetU, dtS);
            case MISSION -> missionStep(dtS);
            case RETURN -> returnStep(dtS);
            case LAND -> landStep(dtS);
            default -> {
            }
        }
        if (!armed) {
            return;
        }
        double air = airspeedMps() / Math.max(1, aircraft.cruiseSpeedMps());
        drain(dtS, 0.8 + 0.2 * air * air + (vu > 0.5 ? 0.15 : 0));
        batteryFailsafe();
        fenceCheck();
    }

    private void updateGust(double dt) {
        double sigma = cfg.gustMps();
        if (sigma <= 0) {
            return;
        }
        double k = Math.sqrt(2 * dt / GUST_TAU_S) * sigma;
        gustE += -gustE * dt / GUST_TAU_S + k * rng.nextGaussian();
        gustN += -gustN * dt / GUST_TAU_S + k * rng.nextGaussian();
    }

    private double[] windVector() {
        double to = Math.toRadians(cfg.windFromDeg() + 180);
        return new double[] {Math.sin(to) * cfg.windSpeedMps() + gustE, Math.cos(to) * cfg.windSpeedMps() + gustN};
    }

    private void charge(double dt) {
        if (batteryPct < 100) {
            double perS = 100.0 / (Math.max(0.1, cfg.dock().chargeTimeMin()) * 60);
            batteryPct = Math.min(100, batteryPct + perS * dt);
        }
    }

    private void drain(double dt, double powerFactor) {
        double perS = 100.0 / (Math.max(1, aircraft.enduranceMin()) * 60);
        batteryPct = Math.max(0, batteryPct - perS * powerFactor * dt);
    }

    /** Moves towards a target in local metres with speed, acceleration, climb and wind limits. */
    private void guide(double te, double tn, double tu, double dt) {
        guide(te, tn, tu, dt, 0);
    }

    /**
     * @param exitSpeedMps speed to pass the target at: 0 stops there, cruise flies straight through
     *                     (a waypoint on a straight line costs no braking, as with PX4's cornering)
     */
    private void guide(double te, double tn, double tu, double dt, double exitSpeedMps) {
        double dx = te - e;
        double dy = tn - n;
        double dist = Math.hypot(dx, dy);
        double[] wind = windVector();
        double wantE;
        double wantN;
        if (!gpsOk) {
            // without a position estimate the aircraft drifts with part of the wind
            wantE = 0.5 * wind[0];
            wantN = 0.5 * wind[1];
        } else if (dist < 1e-6) {
            wantE = 0;
            wantN = 0;
        } else {
            double exit = Math.min(exitSpeedMps, speedMps);
            double v = Math.min(speedMps, Math.sqrt(exit * exit + 2 * ACCEL_MPS2 * dist));
            v = Math.min(v, Math.max(dist, exit * dt) / dt);
            wantE = dx / dist * v;
            wantN = dy / dist * v;
            double[] limited = limitByAirspeed(wantE, wantN, wind);
            wantE = limited[0];
            wantN = limited[1];
            double current = Math.hypot(ve, vn);
            double wanted = Math.hypot(wantE, wantN);
            double cap = current + ACCEL_MPS2 * dt;
            if (wanted > cap) {
                wantE *= cap / wanted;
                wantN *= cap / wanted;
            }
        }
        ve = wantE;
        vn = wantN;
        double stepE = ve * dt;
        double stepN = vn * dt;
        if (gpsOk && dist > 1e-6) {
            // gusts the position controller has not yet rejected; never pushes past the target
            stepE += GUST_RESIDUAL * gustE * dt;
            stepN += GUST_RESIDUAL * gustN * dt;
        }
        e += stepE;
        n += stepN;
        distanceFlownM += Math.hypot(stepE, stepN);

        double dz = tu - u;
        double climb = aircraft.climbRateMps();
        double descent = aircraft.descentRateMps();
        vu = Math.max(-descent, Math.min(climb, dz));
        if (Math.abs(vu * dt) > Math.abs(dz)) {
            vu = dz / dt;
        }
        u += vu * dt;

        double ground = Math.hypot(ve, vn);
        if (ground > 1.0) {
            double want = Math.toDegrees(Math.atan2(ve, vn));
            double diff = ((want - headingDeg + 540) % 360) - 180;
            double maxTurn = 90 * dt;
            headingDeg = (headingDeg + Math.max(-maxTurn, Math.min(maxTurn, diff)) + 360) % 360;
        }
        double airE = ve - wind[0];
        double airN = vn - wind[1];
        double h = Math.toRadians(headingDeg);
        double forward = airE * Math.sin(h) + airN * Math.cos(h);
        double right = airE * Math.cos(h) - airN * Math.sin(h);
        pitchDeg = clampTilt(-TILT_DEG_PER_MPS * forward);
        rollDeg = clampTilt(TILT_DEG_PER_MPS * right);
    }

    private static double clampTilt(double deg) {
        return Math.max(-35, Math.min(35, deg));
    }

    /** Scales a wanted ground velocity down until the airspeed it needs is within the aircraft's maximum. */
    private double[] limitByAirspeed(double gE, double gN, double[] wind) {
        double max = aircraft.maxSpeedMps();
        double aE = gE - wind[0];
        double aN = gN - wind[1];
        if (Math.hypot(aE, aN) <= max) {
            return new double[] {gE, gN};
        }
        // solve |s*g - w| = max for the largest s in [0, 1]
        double gg = gE * gE + gN * gN;
        double gw = gE * wind[0] + gN * wind[1];
        double ww = wind[0] * wind[0] + wind[1] * wind[1];
        double disc = gw * gw - gg * (ww - max * max);
        if (gg < 1e-9 || disc < 0) {
            return new double[] {0, 0};
        }
        double s = Math.max(0, Math.min(1, (gw + Math.sqrt(disc)) / gg));
        return new double[] {gE * s, gN * s};
    }

    private void hold() {
        targetE = e;
        targetN = n;
        targetU = Math.max(u, 2);
        phase = FlightPhase.HOLD;
    }

    private void startReturn(String why) {
        phase = FlightPhase.RETURN;
        targetE = e;
        targetN = n;
        say(gpsOk ? 4 : 2, why);
    }

    private void startLand(String why) {
        phase = FlightPhase.LAND;
        targetE = e;
        targetN = n;
        say(4, why);
    }

    private void returnStep(double dt) {
        double rtlAlt = params.get(ParamTable.RTL_RETURN_ALT);
        double home = Math.hypot(e, n);
        if (home > DOCK_RADIUS_M && u < rtlAlt - 0.5) {
            guide(targetE, targetN, rtlAlt, dt);
            return;
        }
        guide(0, 0, home > DOCK_RADIUS_M ? Math.max(u, rtlAlt) : u, dt);
        if (Math.hypot(e, n) < 0.5) {
            targetE = 0;
            targetN = 0;
            phase = FlightPhase.LAND;
            say(6, "Over the dock, landing");
        }
    }

    private void landStep(double dt) {
        guide(targetE, targetN, -1, dt);
        if (u <= 0) {
            touchdown();
        }
    }

    private void touchdown() {
        u = 0;
        vu = 0;
        ve = 0;
        vn = 0;
        rollDeg = 0;
        pitchDeg = 0;
        armed = false;
        if (Math.hypot(e, n) <= DOCK_RADIUS_M) {
            e = 0;
            n = 0;
            phase = FlightPhase.DOCKED;
            say(6, "Landed in the dock");
        } else {
            phase = FlightPhase.LANDED;
            say(4, String.format("Landed %.0f m from the dock", Math.hypot(e, n)));
        }
    }

    private void missionStep(double dt) {
        if (missionClimbAltM > 0) {
            guide(targetE, targetN, missionClimbAltM, dt);
            if (Math.abs(u - missionClimbAltM) < 0.3) {
                missionClimbAltM = -1;
            }
            return;
        }
        // non-navigation items complete at once; cap the loop so a long run of them cannot stall a step
        for (int guard = 0; guard < 64; guard++) {
            if (current >= mission.size()) {
                missionFinished = true;
                hold();
                say(6, "Mission finished, holding");
                return;
            }
            MissionItem it = mission.get(current);
            switch (it.command()) {
                case MavCmd.NAV_TAKEOFF -> {
                    guide(targetE, targetN, relativeAlt(it), dt);
                    if (Math.abs(u - relativeAlt(it)) < 0.5) {
                        complete(it);
                    }
                    return;
                }
                case MavCmd.NAV_WAYPOINT, MavCmd.NAV_LOITER_TIME, 17 -> {
                    if (flyTo(it, dt)) {
                        double holdS = it.param1();
                        if (it.command() == 17) {
                            return;
                        }
                        if (holdS > 0 && holdUntilS < 0) {
                            holdUntilS = simTimeS + holdS;
                        }
                        if (holdUntilS < 0 || simTimeS >= holdUntilS) {
                            holdUntilS = -1;
                            complete(it);
                            continue;
                        }
                    }
                    return;
                }
                case MavCmd.NAV_RETURN_TO_LAUNCH -> {
                    complete(it);
                    missionFinished = true;
                    startReturn("Mission: returning to dock");
                    return;
                }
                case MavCmd.NAV_LAND -> {
                    // like PX4: fly to the landing point at the current height, then descend
                    boolean positioned = it.latDeg() != 0 || it.lonDeg() != 0;
                    double le = positioned ? geo.eastM(it.lonDeg()) : e;
                    double ln = positioned ? geo.northM(it.latDeg()) : n;
                    if (Math.hypot(le - e, ln - n) > 0.5) {
                        guide(le, ln, u, dt);
                        return;
                    }
                    complete(it);
                    missionFinished = true;
                    startLand("Mission: landing");
                    targetE = le;
                    targetN = ln;
                    return;
                }
                case MavCmd.DO_CHANGE_SPEED -> {
                    if (it.param2() > 0) {
                        speedMps = Math.min(it.param2(), aircraft.maxSpeedMps());
                    }
                    complete(it);
                }
                case MavCmd.DO_MOUNT_CONTROL -> {
                    setGimbal(it.param1(), it.param3());
                    complete(it);
                }
                case MavCmd.DO_GIMBAL_MANAGER_PITCHYAW -> {
                    setGimbal(it.param1(), it.param2());
                    complete(it);
                }
                default -> complete(it);
            }
        }
    }

    private void complete(MissionItem it) {
        events.add(new AutopilotEvent.ItemReached(it.seq()));
        current++;
    }

    /** @return true once within the acceptance radius of the item's position */
    private boolean flyTo(MissionItem it, double dt) {
        double te = (it.latDeg() == 0 && it.lonDeg() == 0) ? e : geo.eastM(it.lonDeg());
        double tn = (it.latDeg() == 0 && it.lonDeg() == 0) ? n : geo.northM(it.latDeg());
        double tu = relativeAlt(it);
        guide(te, tn, tu, dt, cornerSpeed(it, te, tn));
        double accept = it.param2() > 0 && it.command() == MavCmd.NAV_WAYPOINT ? it.param2() : params.get(ParamTable.NAV_ACC_RAD);
        return Math.hypot(te - e, tn - n) <= accept && Math.abs(tu - u) <= Math.max(1.0, accept);
    }

    /** How fast to pass a waypoint: full speed when the next leg goes on straight, slower the sharper the turn. */
    private double cornerSpeed(MissionItem it, double te, double tn) {
        if (it.param1() > 0 || it.command() != MavCmd.NAV_WAYPOINT) {
            return 0;
        }
        for (int i = current + 1; i < mission.size(); i++) {
            MissionItem next = mission.get(i);
            if (next.command() == MavCmd.NAV_WAYPOINT) {
                double ne = geo.eastM(next.lonDeg()) - te;
                double nn = geo.northM(next.latDeg()) - tn;
                double ie = te - e;
                double in = tn - n;
                double a = Math.hypot(ne, nn) * Math.hypot(ie, in);
                if (a < 1e-6) {
                    return 0;
                }
                double cos = (ne * ie + nn * in) / a;
                double turnDeg = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                return speedMps * Math.max(0.2, 1 - turnDeg / 100);
            }
            if (next.hasPosition() || next.command() == MavCmd.NAV_RETURN_TO_LAUNCH || next.command() == MavCmd.NAV_LAND) {
                return 0;
            }
        }
        return 0;
    }

    private double relativeAlt(MissionItem it) {
        int f = it.frame();
        if (f == 0 || f == 5) {
            return it.altM() - cfg.homeAltitudeAmslM();
        }
        return it.altM();
    }

    private void batteryFailsafe() {
        double low = params.get(ParamTable.BAT_LOW_THR) * 100;
        double crit = params.get(ParamTable.BAT_CRIT_THR) * 100;
        double emergency = params.get(ParamTable.BAT_EMERGEN_THR) * 100;
        int action = Math.round(params.get(ParamTable.COM_LOW_BAT_ACT));
        if (batteryPct <= low && !lowWarned) {
            lowWarned = true;
            say(4, String.format("Low battery: %.0f %%", batteryPct));
        }
        if (!phase.airborne()) {
            return;
        }
        if (batteryPct <= emergency && !emergencyActed && action != 0) {
            emergencyActed = true;
            criticalActed = true;
            if (phase != FlightPhase.LAND) {
                startLand(String.format("Failsafe: battery emergency %.0f %%, landing", batteryPct));
            }
        } else if (batteryPct <= crit && !criticalActed) {
            criticalActed = true;
            if (action == 3 && phase != FlightPhase.RETURN && phase != FlightPhase.LAND) {
                startReturn(String.format("Failsafe: battery critical %.0f %%, returning", batteryPct));
            } else if (action == 2 && phase != FlightPhase.LAND) {
                startLand(String.format("Failsafe: battery critical %.0f %%, landing", batteryPct));
            } else {
                say(2, String.format("Battery critical: %.0f %%", batteryPct));
            }
        }
    }

    private void fenceCheck() {
        if (fence.isEmpty() || !phase.airborne()) {
            return;
        }
        boolean breached = fence.breached(e, n);
        if (breached && !insideBreach) {
            int action = Math.round(params.get(ParamTable.GF_ACTION));
            switch (action) {
                case 2 -> {
                    hold();
                    say(2, "Geofence breached, holding");
                }
                case 3 -> startReturn("Geofence breached, returning");
                case 5 -> startLand("Geofence breached, landing");
                case 0 -> {
                }
                default -> say(4, "Geofence breached");
            }
        }
        insideBreach = breached;
    }
}
