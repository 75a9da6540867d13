package org.skyshare.station.fleet;

import org.skyshare.profiles.DockProfile;
import org.skyshare.station.patrol.DockReadiness;
import org.skyshare.station.patrol.Weather;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dock: where it is, its lid, whether it is charging, which aircraft are inside, and the weather
 * limits from its profile. The station drives the lid (open before takeoff, close after landing);
 * a simulated dock has no lid motor, so the change is immediate.
 */
public final class Dock {
    private final String id;
    private final DockProfile profile;
    private final double latDeg;
    private final double lonDeg;
    private final Set<Integer> aircraftInside = ConcurrentHashMap.newKeySet();
    private volatile LidState lid = LidState.CLOSED;
    private volatile boolean charging;
    private volatile Weather weather = Weather.CALM;

    public Dock(String id, DockProfile profile, double latDeg, double lonDeg) {
        this.id = id;
        this.profile = profile;
        this.latDeg = latDeg;
        this.lonDeg = lonDeg;
    }

    public String id() {
        return id;
    }

    public DockProfile profile() {
        return profile;
    }

    public double latDeg() {
        return latDeg;
    }

    public double lonDeg() {
        return lonDeg;
    }

    public LidState lid() {
        return lid;
    }

    public boolean charging() {
        return charging;
    }

    public Weather weather() {
        return weather;
    }

    public void reportWeather(Weather w) {
        weather = w;
    }

    public Set<Integer> aircraftInside() {
        return Set.copyOf(aircraftInside);
    }

    void openLid() {
        lid = LidState.OPEN;
    }

    void closeLid() {
        lid = LidState.CLOSED;
    }

    void aircraftLeft(int systemId) {
        aircraftInside.remove(systemId);
        charging = false;
    }

    void aircraftIn(int systemId, boolean needsCharge) {
        aircraftInside.add(systemId);
        charging = needsCharge;
    }

    void chargingDone() {
        charging = false;
    }

    /** Why this dock cannot launch the aircraft now (empty when it can), as sentences for the operator. */
    public List<String> reasonsNotReady(int systemId, double batteryPct, double minBatteryPct) {
        return DockReadiness.reasonsNotReady(profile, weather, aircraftInside.contains(systemId), batteryPct, minBatteryPct);
    }

    /** Ground distance in metres from the dock (flat-earth; docks and their pads are metres apart). */
    public double distanceM(double lat, double lon) {
        double north = (lat - latDeg) * 111_320.0;
        double east = (lon - lonDeg) * 111_320.0 * Math.cos(Math.toRadians(latDeg));
        return Math.hypot(north, east);
    }
}
