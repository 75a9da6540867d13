package org.skyshare.sim.mavlink;

/**
 * One decoded MAVLink message with its header.
 *
 * @param payload the io.dronefleet message object (e.g. {@code io.dronefleet.mavlink.common.GlobalPositionInt})
 */
public record MavlinkFrame(int systemId, int componentId, int sequence, int messageId, Object payload,
                           boolean mavlink2, boolean signed) {

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        return type.isInstance(payload) ? (T) payload : null;
    }

    public boolean is(Class<?> type) {
        return type.isInstance(payload);
    }
}
