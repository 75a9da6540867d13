package org.skyshare.vision.frame;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;

/**
 * Which addresses may send frames, and for which vehicle (the packets' stream id, the vehicle's
 * MAVLink system id). The frame streams carry no authentication, so the station takes a vehicle's
 * frames only from that vehicle's configured address; anything else is refused and counted.
 */
public final class FrameSenders {
    private static final FrameSenders ANY = new FrameSenders(null, null);

    private final Map<Integer, Set<InetAddress>> byStream;
    private final Set<InetAddress> anyStreamFrom;

    private FrameSenders(Map<Integer, Set<InetAddress>> byStream, Set<InetAddress> anyStreamFrom) {
        this.byStream = byStream;
        this.anyStreamFrom = anyStreamFrom;
    }

    /** No check by sender (only for a socket that nothing but this machine can reach). */
    public static FrameSenders any() {
        return ANY;
    }

    /** Every vehicle's frames from these addresses (the simulator's cameras on this machine). */
    public static FrameSenders from(Set<InetAddress> addresses) {
        return new FrameSenders(null, Set.copyOf(addresses));
    }

    /** Vehicle {@code streamId}'s frames only from its addresses; other stream ids from nobody. */
    public static FrameSenders byVehicle(Map<Integer, Set<InetAddress>> addressesByStreamId) {
        return new FrameSenders(Map.copyOf(addressesByStreamId), null);
    }

    public boolean allows(InetAddress from, int streamId) {
        if (byStream == null && anyStreamFrom == null) {
            return true;
        }
        if (anyStreamFrom != null) {
            return anyStreamFrom.contains(from);
        }
        Set<InetAddress> allowed = byStream.get(streamId);
        return allowed != null && allowed.contains(from);
    }

    @Override
    public String toString() {
        return byStream == null && anyStreamFrom == null ? "any sender"
                : anyStreamFrom != null ? "senders " + anyStreamFrom : "senders by vehicle " + byStream;
    }
}
