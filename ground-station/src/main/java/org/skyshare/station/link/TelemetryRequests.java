package org.skyshare.station.link;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.util.EnumValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Asks the vehicle for the telemetry the station needs, message by message, with
 * SET_MESSAGE_INTERVAL (https://mavlink.io/en/services/telemetry.html#requesting-specific-messages).
 * ArduPilot with stock parameters sends no position, battery or GPS until asked; PX4 streams most
 * of them by default but honours the same request. A message that has not arrived within a few
 * seconds is asked for again, at most {@link #MAX_REQUESTS} times per connection (a firmware that
 * cannot send it is not pestered); if position has still not come, REQUEST_DATA_STREAM (the older
 * protocol ArduPilot also understands) asks for every stream.
 *
 * <p>Not thread-safe for {@link #tick}: the link's timer thread calls it; {@link #received} may be called from the reader.
 */
final class TelemetryRequests {
    /** Message id to the rate the station needs, Hz. */
    static final Map<Integer, Double> WANTED = Map.of(
            33, 4.0,   // GLOBAL_POSITION_INT: position, altitude above home, velocity
            30, 4.0,   // ATTITUDE
            1, 1.0,    // SYS_STATUS: battery, sensor health
            147, 1.0,  // BATTERY_STATUS
            24, 1.0,   // GPS_RAW_INT: fix, satellites
            245, 1.0,  // EXTENDED_SYS_STATE: landed state
            242, 0.5,  // HOME_POSITION
            42, 1.0,   // MISSION_CURRENT: mission progress
            285, 2.0); // GIMBAL_DEVICE_ATTITUDE_STATUS
    static final int MAX_REQUESTS = 3;
    private static final long LATE_NS = 3_000_000_000L;
    private static final int POSITION = 33;

    private final Consumer<Object> sender;
    private final IntSupplier vehicle;
    private final Map<Integer, Long> lastSeenNs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> requests = new ConcurrentHashMap<>();
    private long lastAskedNs;
    private int dataStreamRequests;

    TelemetryRequests(Consumer<Object> sender, IntSupplier vehicleSystemId) {
        this.sender = sender;
        this.vehicle = vehicleSystemId;
    }

    void received(int messageId) {
        if (WANTED.containsKey(messageId)) {
            lastSeenNs.put(messageId, System.nanoTime());
        }
    }

    /** A new connection (or a restarted vehicle): everything may be asked for again. */
    void reset() {
        requests.clear();
        dataStreamRequests = 0;
    }

    void tick(Autopilot autopilot) {
        long now = System.nanoTime();
        if (now - lastAskedNs < LATE_NS) {
            return;
        }
        int sys = vehicle.getAsInt();
        if (sys == 0) {
            return;
        }
        boolean asked = false;
        for (Map.Entry<Integer, Double> w : WANTED.entrySet()) {
            int id = w.getKey();
            Long seen = lastSeenNs.get(id);
            if (seen != null && now - seen < LATE_NS) {
                continue;
            }
            int n = requests.merge(id, 1, Integer::sum);
            if (n > MAX_REQUESTS) {
                continue;
            }
            sender.accept(CommandLong.builder().targetSystem(sys).targetComponent(1)
                    .command(EnumValue.create(MavCmd.class, MavCommands.SET_MESSAGE_INTERVAL))
                    .param1(id).param2((float) (1e6 / w.getValue())).build());
            asked = true;
        }
        Long position = lastSeenNs.get(POSITION);
        if (requests.getOrDefault(POSITION, 0) >= 2 && (position == null || now - position > LATE_NS)
                && dataStreamRequests < MAX_REQUESTS) {
            dataStreamRequests++;
            // MAV_DATA_STREAM_ALL at 4 Hz
            sender.accept(RequestDataStream.builder().targetSystem(sys).targetComponent(1).reqStreamId(0).reqMessageRate(4)
                    .startStop(1).build());
            asked = true;
        }
        if (asked) {
            lastAskedNs = now;
        }
    }
}
