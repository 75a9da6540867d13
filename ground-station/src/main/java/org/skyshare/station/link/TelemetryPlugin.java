package org.skyshare.station.link;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** What the vehicle reports (MAVSDK's Telemetry plugin). Listeners run on the link's reader thread: keep them short. */
public interface TelemetryPlugin {
    TelemetrySnapshot latest();

    void onStatusText(Consumer<StatusText> listener);

    void onMissionItemReached(IntConsumer listener);

    /** Messages received per MAVLink message name (e.g. "GLOBAL_POSITION_INT"), counted as decoded. */
    Map<String, Long> messageCounts();

    long messagesReceived();
}
