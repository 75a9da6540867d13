package org.skyshare.station.link;

import java.util.function.Consumer;

/**
 * One vehicle as the station sees it, grouped like MAVSDK's plugins. Implementations: {@link
 * MavlinkVehicleLink} (MAVLink 2 over UDP or TCP, directly) and {@link MavsdkVehicleLink} (through a
 * mavsdk_server). A link survives radio loss: it reports {@link LinkStatus#LOST}, keeps listening
 * and retrying, and goes back to CONNECTED when heartbeats return.
 */
public interface VehicleLink extends AutoCloseable {
    /** MAVLink system id of the vehicle (0 until known). */
    int systemId();

    /** Where the link connects, e.g. {@code udp://127.0.0.1:14601}. */
    String address();

    LinkHealth health();

    /** The firmware on the other end, from its heartbeat; UNKNOWN before the first one. */
    default Autopilot autopilot() {
        return Autopilot.UNKNOWN;
    }

    /** Called on every status change (CONNECTED, LOST, CONNECTED again, CLOSED). */
    void onStatus(Consumer<LinkStatus> listener);

    TelemetryPlugin telemetry();

    MissionPlugin mission();

    ActionPlugin action();

    GeofencePlugin geofence();

    ParamsPlugin params();

    @Override
    void close();
}
