package org.skyshare.station.link;

import org.skyshare.planner.mission.MissionItem;

import java.util.List;
import java.util.Map;

/**
 * What differs between firmwares behind the one {@link VehicleLink}: how the mission is numbered,
 * how commands and modes are sent, and which parameters enforce an uploaded geofence. The link
 * picks one from HEARTBEAT.autopilot ({@link #forAutopilot}).
 */
interface AutopilotDialect {
    Autopilot autopilot();

    /** Slots the firmware keeps before the station's first item (ArduPilot: seq 0 is home). */
    int reservedMissionSlots();

    /** The station's mission as the firmware stores it (ArduPilot: home in front). */
    List<MissionItem> toVehicleMission(List<MissionItem> stationItems, Home home);

    /** The commands, each the way this firmware understands it; {@code home} is the vehicle's latest (null until known). */
    ActionPlugin actions(CommandSender sender, java.util.function.Supplier<Home> home);

    /** Parameters (name, value, in order) that make an uploaded fence enforced, or not. */
    Map<String, Float> fenceParameters(boolean enforce);

    /** The mode the operator should see: an ArduPilot pause stays in AUTO but is a hold. */
    FlightMode shownMode(FlightMode reported);

    static AutopilotDialect forAutopilot(Autopilot a) {
        return a == Autopilot.ARDUPILOT ? new ArduPilotDialect() : new Px4Dialect(a);
    }
}
