package org.skyshare.station.link;

import io.mavsdk.geofence.Geofence;
import io.mavsdk.mission_raw.MissionRaw;
import io.mavsdk.telemetry.Telemetry;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MavCmd;
import org.skyshare.planner.mission.MissionItem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The MAVSDK adapter's conversions, without a mavsdk_server. */
class MavsdkMappingTest {
    @Test
    void missionItemsRoundTripThroughMissionRaw() {
        List<MissionItem> items = TestSorties.lawnmower(30.4111106, 119.7868095, 3, 4, 20, 30, 45);
        List<MissionRaw.MissionItem> raw = MavsdkMapping.toRaw(items);
        assertThat(raw).hasSize(items.size());
        assertThat(raw.get(0).getCurrent()).isEqualTo(1);
        assertThat(raw.get(1).getCurrent()).isZero();
        MissionRaw.MissionItem wp = raw.get(2);
        assertThat(wp.getCommand()).isEqualTo(MavCmd.NAV_WAYPOINT);
        assertThat(wp.getFrame()).isEqualTo(MissionItem.FRAME_GLOBAL_RELATIVE_ALT);
        assertThat(wp.getX()).isEqualTo((int) Math.round(items.get(2).latDeg() * 1e7));
        assertThat(wp.getMissionType()).isZero();
        for (int i = 0; i < items.size(); i++) {
            MissionItem back = MavsdkMapping.fromRaw(raw.get(i));
            assertThat(back.command()).isEqualTo(items.get(i).command());
            assertThat(back.latDeg()).isCloseTo(items.get(i).latDeg(), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(back.altM()).isEqualTo(items.get(i).altM());
            assertThat(back.seq()).isEqualTo(i);
        }
    }

    @Test
    void telemetryValuesMapToStationUnits() {
        assertThat(MavsdkMapping.flightMode(Telemetry.FlightMode.RETURN_TO_LAUNCH)).isEqualTo(FlightMode.RETURN);
        assertThat(MavsdkMapping.flightMode(Telemetry.FlightMode.MISSION)).isEqualTo(FlightMode.MISSION);
        assertThat(MavsdkMapping.flightMode(Telemetry.FlightMode.POSCTL)).isEqualTo(FlightMode.POSITION);
        assertThat(MavsdkMapping.flightMode(null)).isEqualTo(FlightMode.UNKNOWN);
        assertThat(MavsdkMapping.landedState(Telemetry.LandedState.IN_AIR)).isEqualTo(LandedState.IN_AIR);
        assertThat(MavsdkMapping.gps(new Telemetry.GpsInfo(12, Telemetry.FixType.RTK_FIXED))).isEqualTo(new GpsInfo(6, 12));
        assertThat(MavsdkMapping.gps(new Telemetry.GpsInfo(0, Telemetry.FixType.NO_FIX)).hasFix()).isFalse();
        BatteryState b = MavsdkMapping.battery(new Telemetry.Battery(0, 15.2f, 0.42f));
        assertThat(b.remainingPct()).isCloseTo(42, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(MavsdkMapping.attitude(new Telemetry.EulerAngle(1f, -2f, -90f, 0L)).yawDeg()).isEqualTo(270);
        assertThat(MavsdkMapping.severity(Telemetry.StatusTextType.CRITICAL)).isEqualTo(2);
        Position p = MavsdkMapping.position(new Telemetry.Position(30.1, 119.2, 80f, 60f));
        assertThat(p).isEqualTo(new Position(30.1, 119.2, 80, 60));
    }

    @Test
    void fenceZonesBecomeMavsdkPolygons() {
        FenceZone z = FenceZone.exclusion(List.of(new GeoPoint(30.40, 119.82), new GeoPoint(30.41, 119.82), new GeoPoint(30.41, 119.83)));
        List<Geofence.Polygon> polygons = MavsdkMapping.polygons(List.of(z, new FenceZone(z.vertices(), true)));
        assertThat(polygons.get(0).getFenceType()).isEqualTo(Geofence.Polygon.FenceType.EXCLUSION);
        assertThat(polygons.get(1).getFenceType()).isEqualTo(Geofence.Polygon.FenceType.INCLUSION);
        assertThat(polygons.get(0).getPoints()).hasSize(3);
        assertThat(polygons.get(0).getPoints().get(1).getLatitudeDeg()).isEqualTo(30.41);
    }
}
