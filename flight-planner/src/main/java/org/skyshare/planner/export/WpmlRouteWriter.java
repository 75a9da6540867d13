package org.skyshare.planner.export;

import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.CameraKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One sortie as a DJI WPML route (a KMZ holding {@code wpmz/template.kml} and
 * {@code wpmz/waylines.wpml}, WPML namespace 1.0.2), as DJI Pilot 2 and FlightHub 2 import it; written
 * after DJI's published WPML reference (Cloud API docs: overview, template.kml, waylines.wpml,
 * common elements). The template is a {@code waypoint} template carrying the same points, so the
 * route opens for editing; heights are relative to the take-off point (the dock's pad) in both files.
 * Payload actions: a survey or river photo line points the gimbal down ({@code gimbalRotate}) at
 * its first point and takes photos every trigger distance until its last point (an action group
 * with trigger {@code multipleDistance}); a tower inspection turns the aircraft, pitches the gimbal,
 * hovers and takes one photo; a power-line span points the gimbal where its pitch changes.
 * The mission ends with {@code goHome} (the dock) instead of the LAND item.
 */
public final class WpmlRouteWriter {
    /** DJI's enumeration values (Cloud API "product support" tables): drone type, sub type, payload type. */
    record DjiModel(int droneEnum, int droneSubEnum, int wideOrThermalPayloadEnum) {
    }

    /** Aircraft profiles whose DJI enumeration values are published in the WPML common-element reference. */
    static final Map<String, DjiModel> MODELS = Map.of(
            "dji-m30t", new DjiModel(67, 1, 53),
            "dji-m3td", new DjiModel(91, 1, 81),
            "dji-m350-h20t", new DjiModel(89, 0, 43));

    private WpmlRouteWriter() {
    }

    /** The DJI model of an aircraft, empty when Skyshare does not know its WPML enumeration values. */
    public static Optional<DjiModel> model(AircraftProfile aircraft) {
        return Optional.ofNullable(MODELS.get(aircraft.id()));
    }

    public static void write(Plan plan, Sortie sortie, AircraftProfile aircraft, OutputStream out) throws IOException {
        DjiModel m = model(aircraft).orElseThrow(() -> new ExportException("aircraft " + aircraft.id() + " has no known DJI WPML model values"));
        List<Waypoint> wps = route(sortie);
        String lens = plan.camera().cameraKind() == CameraKind.THERMAL ? "ir" : "wide";
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("wpmz/template.kml"));
            zip.write(template(plan, sortie, aircraft, m, wps, lens).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("wpmz/waylines.wpml"));
            zip.write(waylines(plan, sortie, aircraft, m, wps, lens).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** The wayline points: every waypoint between take-off and landing (the aircraft takes off and goes home by itself). */
    static List<Waypoint> route(Sortie s) {
        List<Waypoint> out = new ArrayList<>();
        for (Waypoint w : s.waypoints()) {
            if (w.action() != WaypointAction.TAKEOFF && w.action() != WaypointAction.LAND) {
                out.add(w);
            }
        }
        return out;
    }

    private static String missionConfig(Plan plan, Sortie sortie, AircraftProfile a, DjiModel m, boolean template) {
        Waypoint home = sortie.waypoints().get(0);
        StringBuilder b = new StringBuilder();
        b.append("  <wpml:missionConfig>\n")
                .append("    <wpml:flyToWaylineMode>safely</wpml:flyToWaylineMode>\n")
                .append("    <wpml:finishAction>goHome</wpml:finishAction>\n")
                .append("    <wpml:exitOnRCLost>executeLostAction</wpml:exitOnRCLost>\n")
                .append("    <wpml:executeRCLostAction>goBack</wpml:executeRCLostAction>\n")
                .append(f("    <wpml:takeOffSecurityHeight>%.1f</wpml:takeOffSecurityHeight>\n", Math.max(2, Math.min(1500, home.altM()))))
                .append(f("    <wpml:globalTransitionalSpeed>%.1f</wpml:globalTransitionalSpeed>\n", Math.min(15, a.cruiseSpeedMps())))
                .append(f("    <wpml:globalRTHHeight>%.1f</wpml:globalRTHHeight>\n", home.altM()));
        if (template) {
            b.append(f("    <wpml:takeOffRefPoint>%.7f,%.7f,%.2f</wpml:takeOffRefPoint>\n", home.latDeg(), home.lonDeg(), QgcPlanWriter.homeAmslM(plan, sortie)));
        }
        b.append("    <wpml:droneInfo>\n")
                .append(f("      <wpml:droneEnumValue>%d</wpml:droneEnumValue>\n", m.droneEnum()))
                .append(f("      <wpml:droneSubEnumValue>%d</wpml:droneSubEnumValue>\n", m.droneSubEnum()))
                .append("    </wpml:droneInfo>\n")
                .append("    <wpml:payloadInfo>\n")
                .append(f("      <wpml:payloadEnumValue>%d</wpml:payloadEnumValue>\n", m.wideOrThermalPayloadEnum()))
                .append("      <wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>\n")
                .append("    </wpml:payloadInfo>\n")
                .append("  </wpml:missionConfig>\n");
        return b.toString();
    }

    private static String template(Plan plan, Sortie sortie, AircraftProfile a, DjiModel m, List<Waypoint> wps, String lens) {
        StringBuilder b = head();
        b.append("  <wpml:author>Skyshare</wpml:author>\n");
        b.append(missionConfig(plan, sortie, a, m, true));
        b.append("  <Folder>\n")
                .append("    <wpml:templateType>waypoint</wpml:templateType>\n")
                .append("    <wpml:templateId>0</wpml:templateId>\n")
                .append("    <wpml:waylineCoordinateSysParam>\n")
                .append("      <wpml:coordinateMode>WGS84</wpml:coordinateMode>\n")
                .append("      <wpml:heightMode>relativeToStartPoint</wpml:heightMode>\n")
                .append("    </wpml:waylineCoordinateSysParam>\n")
                .append(f("    <wpml:autoFlightSpeed>%.1f</wpml:autoFlightSpeed>\n", a.cruiseSpeedMps()))
                .append("    <wpml:gimbalPitchMode>usePointSetting</wpml:gimbalPitchMode>\n")
                .append("    <wpml:globalWaypointHeadingParam>\n")
                .append("      <wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode>\n")
                .append("    </wpml:globalWaypointHeadingParam>\n")
                .append("    <wpml:globalWaypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:globalWaypointTurnMode>\n")
                .append("    <wpml:globalUseStraightLine>1</wpml:globalUseStraightLine>\n");
        for (int i = 0; i < wps.size(); i++) {
            Waypoint w = wps.get(i);
            b.append("    <Placemark>\n")
                    .append(f("      <Point><coordinates>%.7f,%.7f</coordinates></Point>\n", w.lonDeg(), w.latDeg()))
                    .append(f("      <wpml:index>%d</wpml:index>\n", i))
                    .append(f("      <wpml:height>%.2f</wpml:height>\n", w.altM()))
                    .append("      <wpml:useGlobalHeight>0</wpml:useGlobalHeight>\n")
                    .append("      <wpml:useGlobalSpeed>1</wpml:useGlobalSpeed>\n")
                    .append("      <wpml:useGlobalHeadingParam>1</wpml:useGlobalHeadingParam>\n")
                    .append("      <wpml:useGlobalTurnParam>1</wpml:useGlobalTurnParam>\n")
                    .append("      <wpml:useStraightLine>1</wpml:useStraightLine>\n")
                    .append(f("      <wpml:gimbalPitchAngle>%.1f</wpml:gimbalPitchAngle>\n", Double.isFinite(w.gimbalPitchDeg()) ? w.gimbalPitchDeg() : 0));
            actions(b, wps, i, lens, "      ");
            b.append("    </Placemark>\n");
        }
        b.append("  </Folder>\n</Document>\n</kml>\n");
        return b.toString();
    }

    private static String waylines(Plan plan, Sortie sortie, AircraftProfile a, DjiModel m, List<Waypoint> wps, String lens) {
        StringBuilder b = head();
        b.append(missionConfig(plan, sortie, a, m, false));
        b.append("  <Folder>\n")
                .append("    <wpml:templateId>0</wpml:templateId>\n")
                .append("    <wpml:executeHeightMode>relativeToStartPoint</wpml:executeHeightMode>\n")
                .append("    <wpml:waylineId>0</wpml:waylineId>\n")
                .append(f("    <wpml:autoFlightSpeed>%.1f</wpml:autoFlightSpeed>\n", a.cruiseSpeedMps()));
        for (int i = 0; i < wps.size(); i++) {
            Waypoint w = wps.get(i);
            b.append("    <Placemark>\n")
                    .append(f("      <Point><coordinates>%.7f,%.7f</coordinates></Point>\n", w.lonDeg(), w.latDeg()))
                    .append(f("      <wpml:index>%d</wpml:index>\n", i))
                    .append(f("      <wpml:executeHeight>%.2f</wpml:executeHeight>\n", w.altM()))
                    .append(f("      <wpml:waypointSpeed>%.1f</wpml:waypointSpeed>\n", a.cruiseSpeedMps()))
                    .append("      <wpml:waypointHeadingParam>\n")
                    .append("        <wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode>\n")
                    .append("      </wpml:waypointHeadingParam>\n")
                    .append("      <wpml:waypointTurnParam>\n")
                    .append("        <wpml:waypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:waypointTurnMode>\n")
                    .append("        <wpml:waypointTurnDampingDist>0</wpml:waypointTurnDampingDist>\n")
                    .append("      </wpml:waypointTurnParam>\n")
                    .append("      <wpml:useStraightLine>1</wpml:useStraightLine>\n");
            actions(b, wps, i, lens, "      ");
            b.append("    </Placemark>\n");
        }
        b.append("  </Folder>\n</Document>\n</kml>\n");
        return b.toString();
    }

    /** Action groups at point i; the group id is the point's index times 2 (+1 for the photo-interval group). */
    private static void actions(StringBuilder b, List<Waypoint> wps, int i, String lens, String ind) {
        Waypoint w = wps.get(i);
        double prevPitch = i > 0 ? wps.get(i - 1).gimbalPitchDeg() : Double.NaN;
        switch (w.action()) {
            case SURVEY_START -> {
                int end = i;
                while (end < wps.size() - 1 && wps.get(end).action() != WaypointAction.SURVEY_END) {
                    end++;
                }
                group(b, ind, 2 * i, i, i, "reachPoint", Double.NaN, List.of(gimbal(Double.isFinite(w.gimbalPitchDeg()) ? w.gimbalPitchDeg() : -90, ind)));
                group(b, ind, 2 * i + 1, i, end, "multipleDistance", w.triggerDistanceM(), List.of(photo(lens, ind)));
            }
            case INSPECT -> group(b, ind, 2 * i, i, i, "reachPoint", Double.NaN, List.of(
                    yaw(w.headingDeg(), ind), gimbal(w.gimbalPitchDeg(), ind), hover(w.holdS(), ind), photo(lens, ind)));
            case PASS -> {
                if (Double.isFinite(w.gimbalPitchDeg()) && w.gimbalPitchDeg() != prevPitch && w.gimbalPitchDeg() != -90) {
                    group(b, ind, 2 * i, i, i, "reachPoint", Double.NaN, List.of(gimbal(w.gimbalPitchDeg(), ind)));
                }
            }
            default -> {
            }
        }
    }

    private static void group(StringBuilder b, String ind, int id, int start, int end, String trigger, double param, List<String> actions) {
        b.append(ind).append("<wpml:actionGroup>\n")
                .append(ind).append(f("  <wpml:actionGroupId>%d</wpml:actionGroupId>\n", id))
                .append(ind).append(f("  <wpml:actionGroupStartIndex>%d</wpml:actionGroupStartIndex>\n", start))
                .append(ind).append(f("  <wpml:actionGroupEndIndex>%d</wpml:actionGroupEndIndex>\n", end))
                .append(ind).append("  <wpml:actionGroupMode>sequence</wpml:actionGroupMode>\n")
                .append(ind).append("  <wpml:actionTrigger>\n")
                .append(ind).append("    <wpml:actionTriggerType>").append(trigger).append("</wpml:actionTriggerType>\n");
        if (Double.isFinite(param)) {
            b.append(ind).append(f("    <wpml:actionTriggerParam>%.2f</wpml:actionTriggerParam>\n", param));
        }
        b.append(ind).append("  </wpml:actionTrigger>\n");
        for (int k = 0; k < actions.size(); k++) {
            b.append(actions.get(k).replace("@ID@", Integer.toString(k)));
        }
        b.append(ind).append("</wpml:actionGroup>\n");
    }

    private static String action(String ind, String func, String params) {
        return ind + "  <wpml:action>\n" + ind + "    <wpml:actionId>@ID@</wpml:actionId>\n"
                + ind + "    <wpml:actionActuatorFunc>" + func + "</wpml:actionActuatorFunc>\n"
                + ind + "    <wpml:actionActuatorFuncParam>\n" + params + ind + "    </wpml:actionActuatorFuncParam>\n" + ind + "  </wpml:action>\n";
    }

    private static String gimbal(double pitchDeg, String ind) {
        String p = ind + "      ";
        return action(ind, "gimbalRotate", p + "<wpml:gimbalHeadingYawBase>aircraft</wpml:gimbalHeadingYawBase>\n"
                + p + "<wpml:gimbalRotateMode>absoluteAngle</wpml:gimbalRotateMode>\n"
                + p + "<wpml:gimbalPitchRotateEnable>1</wpml:gimbalPitchRotateEnable>\n"
                + p + f("<wpml:gimbalPitchRotateAngle>%.1f</wpml:gimbalPitchRotateAngle>\n", pitchDeg)
                + p + "<wpml:gimbalRollRotateEnable>0</wpml:gimbalRollRotateEnable>\n"
                + p + "<wpml:gimbalRollRotateAngle>0</wpml:gimbalRollRotateAngle>\n"
                + p + "<wpml:gimbalYawRotateEnable>0</wpml:gimbalYawRotateEnable>\n"
                + p + "<wpml:gimbalYawRotateAngle>0</wpml:gimbalYawRotateAngle>\n"
                + p + "<wpml:gimbalRotateTimeEnable>0</wpml:gimbalRotateTimeEnable>\n"
                + p + "<wpml:gimbalRotateTime>0</wpml:gimbalRotateTime>\n"
                + p + "<wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>\n");
    }

    private static String photo(String lens, String ind) {
        String p = ind + "      ";
        return action(ind, "takePhoto", p + "<wpml:payloadPositionIndex>0</wpml:payloadPositionIndex>\n"
                + p + "<wpml:useGlobalPayloadLensIndex>0</wpml:useGlobalPayloadLensIndex>\n"
                + p + "<wpml:payloadLensIndex>" + lens + "</wpml:payloadLensIndex>\n");
    }

    private static String yaw(double headingDeg, String ind) {
        double h = ((headingDeg + 180) % 360 + 360) % 360 - 180;
        String p = ind + "      ";
        return action(ind, "rotateYaw", p + f("<wpml:aircraftHeading>%.1f</wpml:aircraftHeading>\n", h)
                + p + "<wpml:aircraftPathMode>counterClockwise</wpml:aircraftPathMode>\n");
    }

    private static String hover(double s, String ind) {
        return action(ind, "hover", ind + "      " + f("<wpml:hoverTime>%.1f</wpml:hoverTime>\n", Math.max(0, s)));
    }

    private static StringBuilder head() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:wpml=\"http://www.dji.com/wpmz/1.0.2\">\n<Document>\n");
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
