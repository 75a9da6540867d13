package org.skyshare.sim.vehicle;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.mavlink.MissionItems;

import java.util.ArrayList;
import java.util.List;

/**
 * The vehicle's side of the MAVLink mission protocol (upload, download, clear) for the mission,
 * fence and rally lists. During an upload it requests items one by one and re-requests the
 * expected item when nothing arrives within the protocol timeout, giving up after a few tries,
 * the way PX4's mission manager does.
 */
final class MissionServer {
    static final long ITEM_TIMEOUT_NS = 1_500_000_000L;
    static final int MAX_RETRIES = 5;

    interface Replies {
        void reply(Peer peer, Object message);
    }

    private final Autopilot autopilot;
    private final Replies out;

    private boolean uploading;
    private int uploadType;
    private int expectedCount;
    private int nextSeq;
    private List<MissionItem> received;
    private Peer uploadPeer;
    private int partnerSystem;
    private int partnerComponent;
    private long lastActivityNs;
    private int retries;
    // the last finished upload, to answer again when our acknowledgement was lost
    private int lastType = -1;
    private int lastCount;
    private MavMissionResult lastResult;

    MissionServer(Autopilot autopilot, Replies out) {
        this.autopilot = autopilot;
        this.out = out;
    }

    void onCount(Peer peer, int fromSys, int fromComp, MissionCount m, long nowNs) {
        int type = MissionItems.missionType(m.missionType());
        if (m.count() == 0) {
            uploading = false;
            autopilot.clearItems(type);
            out.reply(peer, ack(fromSys, fromComp, MavMissionResult.MAV_MISSION_ACCEPTED, type));
            return;
        }
        if (m.count() > 10_000) {
            out.reply(peer, ack(fromSys, fromComp, MavMissionResult.MAV_MISSION_NO_SPACE, type));
            return;
        }
        uploading = true;
        lastType = -1;
        uploadType = type;
        expectedCount = m.count();
        nextSeq = 0;
        received = new ArrayList<>(m.count());
        uploadPeer = peer;
        partnerSystem = fromSys;
        partnerComponent = fromComp;
        retries = 0;
        lastActivityNs = nowNs;
        requestNext();
    }

    void onItem(Peer peer, MissionItemInt m, long nowNs) {
        int type = MissionItems.missionType(m.missionType());
        if (!uploading && type == lastType && m.seq() == lastCount - 1) {
            // the station resent the last item: our ACK was lost on the way
            out.reply(peer, ack(partnerSystem, partnerComponent, lastResult, type));
            return;
        }
        if (!uploading || type != uploadType) {
            return;
        }
        lastActivityNs = nowNs;
        retries = 0;
        if (m.seq() != nextSeq) {
            // a duplicate after the station's retry, or one that skipped ahead: ask again for the one we need
            requestNext();
            return;
        }
        received.add(MissionItems.fromMavlink(m));
        nextSeq++;
        if (nextSeq < expectedCount) {
            requestNext();
            return;
        }
        uploading = false;
        String problem = autopilot.acceptItems(uploadType, received);
        MavMissionResult result = MavMissionResult.MAV_MISSION_ACCEPTED;
        if (problem != null) {
            result = MavMissionResult.valueOf("MAV_MISSION_" + problem.substring(0, problem.indexOf(':')));
            autopilot.drainEvents();
        }
        lastType = uploadType;
        lastCount = expectedCount;
        lastResult = result;
        out.reply(peer, ack(partnerSystem, partnerComponent, result, uploadType));
    }

    void onRequestList(Peer peer, int fromSys, int fromComp, MissionRequestList m) {
        int type = MissionItems.missionType(m.missionType());
        out.reply(peer, MissionCount.builder().targetSystem(fromSys).targetComponent(fromComp)
                .count(autopilot.items(type).size()).missionType(EnumValue.create(MavMissionType.class, type)).build());
    }

    void onRequest(Peer peer, int fromSys, int fromComp, int seq, int type) {
        List<MissionItem> items = autopilot.items(type);
        if (seq < 0 || seq >= items.size()) {
            out.reply(peer, ack(fromSys, fromComp, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, type));
            return;
        }
        boolean current = type == MissionItems.TYPE_MISSION && seq == autopilot.currentSeq();
        out.reply(peer, MissionItems.toMavlink(items.get(seq), fromSys, fromComp, type, current));
    }

    void onRequestInt(Peer peer, int fromSys, int fromComp, MissionRequestInt m) {
        onRequest(peer, fromSys, fromComp, m.seq(), MissionItems.missionType(m.missionType()));
    }

    void onLegacyRequest(Peer peer, int fromSys, int fromComp, MissionRequest m) {
        onRequest(peer, fromSys, fromComp, m.seq(), MissionItems.missionType(m.missionType()));
    }

    void onClearAll(Peer peer, int fromSys, int fromComp, MissionClearAll m) {
        int type = MissionItems.missionType(m.missionType());
        if (type == MissionItems.TYPE_ALL) {
            autopilot.clearItems(MissionItems.TYPE_MISSION);
            autopilot.clearItems(MissionItems.TYPE_FENCE);
            autopilot.clearItems(MissionItems.TYPE_RALLY);
        } else {
            autopilot.clearItems(type);
        }
        uploading = false;
        out.reply(peer, ack(fromSys, fromComp, MavMissionResult.MAV_MISSION_ACCEPTED, type));
    }

    /** Re-requests a missing item after the timeout; cancels the upload after the last retry. */
    void tick(long nowNs) {
        if (!uploading || nowNs - lastActivityNs < ITEM_TIMEOUT_NS) {
            return;
        }
        lastActivityNs = nowNs;
        if (++retries > MAX_RETRIES) {
            uploading = false;
            out.reply(uploadPeer, ack(partnerSystem, partnerComponent, MavMissionResult.MAV_MISSION_OPERATION_CANCELLED, uploadType));
            return;
        }
        requestNext();
    }

    private void requestNext() {
        out.reply(uploadPeer, MissionRequestInt.builder().targetSystem(partnerSystem).targetComponent(partnerComponent)
                .seq(nextSeq).missionType(EnumValue.create(MavMissionType.class, uploadType)).build());
    }

    private static MissionAck ack(int sys, int comp, MavMissionResult result, int type) {
        return MissionAck.builder().targetSystem(sys).targetComponent(comp).type(result)
                .missionType(EnumValue.create(MavMissionType.class, type)).build();
    }
}
