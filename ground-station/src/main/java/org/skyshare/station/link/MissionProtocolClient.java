package org.skyshare.station.link;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.mavlink.MavlinkFrame;
import org.skyshare.sim.mavlink.MissionItems;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The ground side of the MAVLink mission protocol (https://mavlink.io/en/services/mission.html):
 * upload (COUNT, then answer each REQUEST_INT, until ACK), download (REQUEST_LIST, COUNT, REQUEST_INT
 * per item, ACK), clear (CLEAR_ALL, ACK) and set current (SET_CURRENT, MISSION_CURRENT). Each wait
 * has the item timeout; on a timeout the last message is sent again, and after the configured
 * number of retries the transaction fails with a sentence saying where it stopped.
 */
final class MissionProtocolClient {
    private final ProtocolChannel channel;
    private final IntSupplier vehicle;
    private final long timeoutNs;
    private final int retries;

    MissionProtocolClient(ProtocolChannel channel, IntSupplier vehicleSystemId, long timeoutNs, int retries) {
        this.channel = channel;
        this.vehicle = vehicleSystemId;
        this.timeoutNs = timeoutNs;
        this.retries = retries;
    }

    private static EnumValue<MavMissionType> type(int t) {
        return EnumValue.create(MavMissionType.class, t);
    }

    private boolean ofType(EnumValue<MavMissionType> t, int wanted) {
        return MissionItems.missionType(t) == wanted;
    }

    /**
     * Uploads {@code items} as the vehicle numbers them; {@code reservedSlots} leading items are the
     * firmware's own (ArduPilot's home), so failures name items the way the station numbers them.
     * A refused upload is cleared on the vehicle (best effort) so no half mission stays there.
     */
    void upload(int missionType, List<MissionItem> items, int reservedSlots) throws InterruptedException {
        channel.clear();
        int sys = vehicle.getAsInt();
        Object last = MissionCount.builder().targetSystem(sys).targetComponent(1).count(items.size())
                .missionType(type(missionType)).build();
        channel.send(last);
        String waitingFor = "the first item request";
        int tries = 0;
        int highestSent = -1;
        long deadline = System.nanoTime() + timeoutNs;
        while (true) {
            MavlinkFrame f = channel.await(m -> isRequestOrAck(m, missionType), deadline);
            if (f == null) {
                if (++tries > retries) {
                    throw new LinkException(String.format("vehicle %d did not answer the %s upload of %d items (waiting for %s) after %d tries of %d ms",
                            sys, typeName(missionType), items.size(), waitingFor, retries + 1, timeoutNs / 1_000_000));
                }
                channel.send(last);
                deadline = System.nanoTime() + timeoutNs;
                continue;
            }
            if (f.payload() instanceof MissionAck ack) {
                MavMissionResult result = ack.type().entry();
                if (result == MavMissionResult.MAV_MISSION_ACCEPTED) {
                    if (items.isEmpty() || highestSent == items.size() - 1) {
                        return;
                    }
                    continue; // an accept from before this upload
                }
                String answer = result == null ? "result " + ack.type().value() : result.name();
                String which = highestSent < 0 ? "before any item"
                        : "at " + itemName(items.get(highestSent), highestSent - reservedSlots, items.size() - reservedSlots);
                cleanUpAfterRefusal(missionType);
                throw new LinkException(String.format("vehicle %d refused the %s upload %s: the firmware answered %s", sys,
                        typeName(missionType), which, answer));
            }
            int seq = f.payload() instanceof MissionRequestInt r ? r.seq() : ((MissionRequest) f.payload()).seq();
            if (seq < 0 || seq >= items.size()) {
                throw new LinkException(String.format("vehicle %d asked for item %d of a %d-item %s", sys, seq, items.size(),
                        typeName(missionType)));
            }
            MissionItem item = items.get(seq).withSeq(seq);
            last = MissionItems.toMavlink(item, sys, 1, missionType, false);
            channel.send(last);
            highestSent = Math.max(highestSent, seq);
            waitingFor = seq == items.size() - 1 ? "the final acknowledgement" : "the request after item " + seq;
            tries = 0;
            deadline = System.nanoTime() + timeoutNs;
        }
    }

    private static String itemName(MissionItem it, int stationSeq, int stationCount) {
        String what = CommandNames.of(it.command());
        return stationSeq < 0 ? "the home slot (" + what + ")" : "item " + stationSeq + " of " + stationCount + " (" + what + ")";
    }

    private void cleanUpAfterRefusal(int missionType) throws InterruptedException {
        try {
            clear(missionType);
        } catch (LinkException e) {
            // the refusal is what the operator must read; a failed clean-up leaves what the firmware kept
        }
    }

    private boolean isRequestOrAck(MavlinkFrame f, int missionType) {
        Object p = f.payload();
        if (p instanceof MissionRequestInt r) {
            return ofType(r.missionType(), missionType);
        }
        if (p instanceof MissionRequest r) {
            return ofType(r.missionType(), missionType);
        }
        if (p instanceof MissionAck a) {
            return ofType(a.missionType(), missionType);
        }
        return false;
    }

    List<MissionItem> download(int missionType) throws InterruptedException {
        channel.clear();
        int sys = vehicle.getAsInt();
        MavlinkFrame f = exchange(MissionRequestList.builder().targetSystem(sys).targetComponent(1).missionType(type(missionType)).build(),
                m -> m.payload() instanceof MissionCount c && ofType(c.missionType(), missionType), "the item count");
        int count = ((MissionCount) f.payload()).count();
        List<MissionItem> items = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) {
            int wanted = seq;
            MavlinkFrame item = exchange(MissionRequestInt.builder().targetSystem(sys).targetComponent(1).seq(seq)
                            .missionType(type(missionType)).build(),
                    m -> m.payload() instanceof MissionItemInt it && it.seq() == wanted && ofType(it.missionType(), missionType),
                    "item " + seq + " of " + count);
            items.add(MissionItems.fromMavlink((MissionItemInt) item.payload()));
        }
        channel.send(MissionAck.builder().targetSystem(sys).targetComponent(1).type(MavMissionResult.MAV_MISSION_ACCEPTED)
                .missionType(type(missionType)).build());
        return items;
    }

    void clear(int missionType) throws InterruptedException {
        channel.clear();
        int sys = vehicle.getAsInt();
        MavlinkFrame f = exchange(MissionClearAll.builder().targetSystem(sys).targetComponent(1).missionType(type(missionType)).build(),
                m -> m.payload() instanceof MissionAck a && ofType(a.missionType(), missionType), "the clear acknowledgement");
        MissionAck ack = (MissionAck) f.payload();
        if (ack.type().entry() != MavMissionResult.MAV_MISSION_ACCEPTED) {
            throw new LinkException(String.format("vehicle %d refused to clear its %s: %s", sys, typeName(missionType), ack.type()));
        }
    }

    void setCurrent(int seq) throws InterruptedException {
        channel.clear();
        int sys = vehicle.getAsInt();
        exchange(MissionSetCurrent.builder().targetSystem(sys).targetComponent(1).seq(seq).build(),
                m -> m.payload() instanceof MissionCurrent c && c.seq() == seq, "MISSION_CURRENT " + seq);
    }

    private MavlinkFrame exchange(Object request, java.util.function.Predicate<MavlinkFrame> reply, String what)
            throws InterruptedException {
        for (int attempt = 0; attempt <= retries; attempt++) {
            channel.send(request);
            MavlinkFrame f = channel.await(reply, System.nanoTime() + timeoutNs);
            if (f != null) {
                return f;
            }
        }
        throw new LinkException(String.format("vehicle %d did not send %s after %d tries of %d ms", vehicle.getAsInt(), what,
                retries + 1, timeoutNs / 1_000_000));
    }

    static String typeName(int missionType) {
        return switch (missionType) {
            case MissionItems.TYPE_FENCE -> "geofence";
            case MissionItems.TYPE_RALLY -> "rally points";
            default -> "mission";
        };
    }
}
