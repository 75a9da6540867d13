package org.skyshare.station.link;

import io.mavsdk.geofence.Geofence;
import io.mavsdk.mission_raw.MissionRaw;
import io.mavsdk.telemetry.Telemetry;
import org.skyshare.planner.mission.MissionItem;

import java.util.ArrayList;
import java.util.List;

/** Conversions between MAVSDK-Java's types and the station's, kept pure so they are tested without a server. */
final class MavsdkMapping {
    private MavsdkMapping() {
    }

    static MissionRaw.MissionItem toRaw(MissionItem it, int missionType) {
        return new MissionRaw.MissionItem(it.seq(), it.frame(), it.command(), it.seq() == 0 ? 1 : 0, it.autocontinue() ? 1 : 0,
                it.param1(), it.param2(), it.param3(), it.param4(), (int) Math.round(it.latDeg() * 1e7),
                (int) Math.round(it.lonDeg() * 1e7), it.altM(), missionType);
    }

    static MissionItem fromRaw(MissionRaw.MissionItem r) {
        return new MissionItem(r.getSeq(), r.getFrame(), r.getCommand(), r.getParam1(), r.getParam2(), r.getParam3(),
                r.getParam4(), r.getX() / 1e7, r.getY() / 1e7, r.getZ(), r.getAutocontinue() != 0);
    }

    static List<MissionRaw.MissionItem> toRaw(List<MissionItem> items) {
        List<MissionRaw.MissionItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(toRaw(items.get(i).withSeq(i), 0));
        }
        return out;
    }

    static FlightMode flightMode(Telemetry.FlightMode m) {
        if (m == null) {
            return FlightMode.UNKNOWN;
        }
        return switch (m) {
            case READY -> FlightMode.READY;
            case TAKEOFF -> FlightMode.TAKEOFF;
            case HOLD -> FlightMode.HOLD;
            case MISSION -> FlightMode.MISSION;
            case RETURN_TO_LAUNCH -> FlightMode.RETURN;
            case LAND -> FlightMode.LAND;
            case OFFBOARD -> FlightMode.OFFBOARD;
            case MANUAL, ACRO -> FlightMode.MANUAL;
            case ALTCTL -> FlightMode.ALTITUDE;
            case POSCTL -> FlightMode.POSITION;
            case STABILIZED, RATTITUDE -> FlightMode.STABILIZED;
            default -> FlightMode.UNKNOWN;
        };
    }

    static LandedState landedState(Telemetry.LandedState s) {
        if (s == null) {
            return LandedState.UNKNOWN;
        }
        return switch (s) {
            case ON_GROUND -> LandedState.ON_GROUND;
            case IN_AIR -> LandedState.IN_AIR;
            case TAKING_OFF -> LandedState.TAKING_OFF;
            case LANDING -> LandedState.LANDING;
            default -> LandedState.UNKNOWN;
        };
    }

    /** MAVSDK's fix types in GPS_FIX_TYPE numbering. */
    static GpsInfo gps(Telemetry.GpsInfo g) {
        int fix = switch (g.getFixType()) {
            case NO_GPS -> 0;
            case NO_FIX -> 1;
            case FIX_2D -> 2;
            case FIX_3D -> 3;
            case FIX_DGPS -> 4;
            case RTK_FLOAT -> 5;
            case RTK_FIXED -> 6;
        };
        return new GpsInfo(fix, g.getNumSatellites());
    }

    /** MAVSDK 1.x reports remaining battery as a fraction 0..1; the station uses percent. */
    static BatteryState battery(Telemetry.Battery b) {
        float r = b.getRemainingPercent();
        return new BatteryState(Float.isNaN(r) ? -1 : r * 100.0, b.getVoltageV());
    }

    static Position position(Telemetry.Position p) {
        return new Position(p.getLatitudeDeg(), p.getLongitudeDeg(), p.getAbsoluteAltitudeM(), p.getRelativeAltitudeM());
    }

    static Attitude attitude(Telemetry.EulerAngle e) {
        float yaw = e.getYawDeg();
        return new Attitude(e.getRollDeg(), e.getPitchDeg(), yaw < 0 ? yaw + 360 : yaw);
    }

    static int severity(Telemetry.StatusTextType t) {
        return switch (t) {
            case DEBUG -> 7;
            case INFO -> 6;
            case NOTICE -> 5;
            case WARNING -> 4;
            case ERROR -> 3;
            case CRITICAL -> 2;
            case ALERT -> 1;
            case EMERGENCY -> 0;
        };
    }

    static List<Geofence.Polygon> polygons(List<FenceZone> zones) {
        List<Geofence.Polygon> out = new ArrayList<>();
        for (FenceZone z : zones) {
            List<Geofence.Point> pts = new ArrayList<>();
            for (GeoPoint p : z.vertices()) {
                pts.add(new Geofence.Point(p.latDeg(), p.lonDeg()));
            }
            out.add(new Geofence.Polygon(pts, z.inclusion() ? Geofence.Polygon.FenceType.INCLUSION : Geofence.Polygon.FenceType.EXCLUSION));
        }
        return out;
    }
}
