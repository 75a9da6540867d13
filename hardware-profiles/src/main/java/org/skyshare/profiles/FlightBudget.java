package org.skyshare.profiles;

/**
 * What one battery allows: the published endurance less the reserve the operator keeps back.
 * Sortie planning spends this budget on transit, route legs, turns, climbs and descents.
 */
public final class FlightBudget {
    private final AircraftProfile aircraft;

    FlightBudget(AircraftProfile aircraft) {
        this.aircraft = aircraft;
    }

    public double enduranceS() {
        return aircraft.enduranceMin() * 60;
    }

    public double reserveS() {
        return enduranceS() * aircraft.batteryReservePct() / 100;
    }

    /** Flight time on one battery with the reserve kept back, in seconds. */
    public double usableTimeS() {
        return enduranceS() - reserveS();
    }

    /** Distance flown at cruise speed on one battery with the reserve kept back, in metres. */
    public double usableRangeM() {
        return usableTimeS() * aircraft.cruiseSpeedMps();
    }

    /** Furthest point of an out-and-back flight from the dock, in metres. */
    public double radiusOfActionM() {
        return usableRangeM() / 2;
    }

    /** Time to climb to and descend from a height above the dock, in seconds. */
    public double climbAndDescentS(double heightM) {
        return heightM / aircraft.climbRateMps() + heightM / aircraft.descentRateMps();
    }
}
