package org.skyshare.sim.mavlink;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyshare.planner.mission.MissionItem;

/**
 * Conversion between the planner's {@link MissionItem} and MISSION_ITEM_INT, shared by the
 * simulated vehicles and the station so both ends agree on scaling (degrees x 1e7).
 */
public final class MissionItems {
    /** MAV_MISSION_TYPE values. */
    public static final int TYPE_MISSION = 0;
    public static final int TYPE_FENCE = 1;
    public static final int TYPE_RALLY = 2;
    public static final int TYPE_ALL = 255;

    private MissionItems() {
    }

    public static MissionItemInt toMavlink(MissionItem it, int targetSystem, int targetComponent, int missionType, boolean current) {
        return MissionItemInt.builder()
                .targetSystem(targetSystem)
                .targetComponent(targetComponent)
                .seq(it.seq())
                .frame(EnumValue.create(MavFrame.class, it.frame()))
                .command(EnumValue.create(MavCmd.class, it.command()))
                .current(current ? 1 : 0)
                .autocontinue(it.autocontinue() ? 1 : 0)
                .param1(it.param1())
                .param2(it.param2())
                .param3(it.param3())
                .param4(it.param4())
                .x((int) Math.round(it.latDeg() * 1e7))
                .y((int) Math.round(it.lonDeg() * 1e7))
                .z(it.altM())
                .missionType(EnumValue.create(MavMissionType.class, missionType))
                .build();
    }

    public static MissionItem fromMavlink(MissionItemInt m) {
        return new MissionItem(m.seq(), m.frame().value(), m.command().value(), m.param1(), m.param2(), m.param3(),
                m.param4(), m.x() / 1e7, m.y() / 1e7, m.z(), m.autocontinue() != 0);
    }

    public static int missionType(EnumValue<MavMissionType> type) {
        return type == null ? TYPE_MISSION : type.value();
    }
}
