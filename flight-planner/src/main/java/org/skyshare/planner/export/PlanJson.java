package org.skyshare.planner.export;

import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.assets.Repair;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanStats;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Unplanned;
import org.skyshare.planner.plan.Waypoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plan as JSON-ready maps: the full {@code plan.json} and the {@code plan --json} summary. */
public final class PlanJson {
    private PlanJson() {
    }

    /** The summary printed by {@code plan --json}; keys are stable. */
    public static Map<String, Object> summary(Plan plan) {
        PlanStats s = plan.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sorties", s.sorties());
        m.put("waypoints", s.waypoints());
        m.put("inspection_points", s.inspectionPoints());
        m.put("tower_inspections", s.inspectionPoints() - s.photoPoints());
        m.put("photo_points", s.photoPoints());
        m.put("area_m2", round(s.areaM2()));
        m.put("covered_area_m2", round(s.coveredAreaM2()));
        m.put("coverage_ratio", s.areaM2() > 0 ? Math.round(s.coveredAreaM2() / s.areaM2() * 10000) / 10000.0 : 1.0);
        m.put("total_length_m", round(s.totalLengthM()));
        m.put("transect_length_m", round(s.transectLengthM()));
        m.put("max_sortie_time_s", round(s.maxSortieTimeS()));
        m.put("aircraft", plan.aircraft().id());
        m.put("camera", plan.camera().id());
        m.put("altitude_m", round(plan.altitudeM()));
        m.put("line_spacing_m", round(plan.lineSpacingM()));
        m.put("terrain", terrainNote(plan));
        m.put("grid_cells", plan.grid().cells().size());
        Map<String, Integer> perDock = new LinkedHashMap<>();
        plan.docks().forEach(d -> perDock.put(d.id(), plan.sortiesOf(d.id()).size()));
        m.put("sorties_per_dock", perDock);
        m.put("unplanned", unplanned(plan.unplanned()));
        m.put("repairs", plan.repairs().stream().map(Repair::toString).toList());
        return m;
    }

    /** What the altitudes stand on: the DEM followed, or the flat-ground assumption when none was given. */
    public static String terrainNote(Plan plan) {
        return plan.terrainSource().isEmpty()
                ? "no DEM given: every height is above the dock's own level (flat ground assumed); give --dem to follow the terrain"
                : "heights above the ground of " + plan.terrainSource() + " (within 10 % of the survey height along every leg)";
    }

    public static Map<String, Object> full(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "skyshare-plan");
        m.put("version", 1);
        m.put("projection", Map.of("utm_zone", plan.projection().zone(), "south", plan.projection().south(), "epsg", plan.projection().epsg()));
        m.put("summary", summary(plan));
        m.put("photo_spacing_m", round(plan.photoSpacingM()));
        m.put("swath_width_m", round(plan.swathWidthM()));
        List<Object> cells = new ArrayList<>();
        for (GridCell c : plan.grid().cells()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("owner", c.owner());
            cm.put("agencies", c.agencies());
            List<Object> ring = new ArrayList<>();
            for (Coordinate co : c.outline().getExteriorRing().getCoordinates()) {
                ring.add(List.of(deg(co.x), deg(co.y)));
            }
            cm.put("outline", ring);
            cells.add(cm);
        }
        m.put("cells", cells);
        List<Object> sorties = new ArrayList<>();
        for (Sortie s : plan.sorties()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("dock", s.dockId());
            sm.put("aircraft", s.aircraftId());
            sm.put("flight_time_s", round(s.flightTimeS()));
            sm.put("length_m", round(s.lengthM()));
            sm.put("max_range_m", round(s.maxRangeM()));
            sm.put("photo_count", s.photoCount());
            sm.put("inspection_points", s.inspectionPoints());
            sm.put("agencies", s.agencies());
            sm.put("assets", s.assetIds());
            List<Object> wps = new ArrayList<>();
            for (Waypoint w : s.waypoints()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("lat", deg(w.latDeg()));
                wm.put("lon", deg(w.lonDeg()));
                wm.put("alt_m", round(w.altM()));
                wm.put("action", w.action().name().toLowerCase(Locale.ROOT));
                if (w.holdS() > 0) {
                    wm.put("hold_s", w.holdS());
                }
                if (Double.isFinite(w.gimbalPitchDeg())) {
                    wm.put("gimbal_pitch_deg", round(w.gimbalPitchDeg()));
                }
                if (Double.isFinite(w.headingDeg())) {
                    wm.put("heading_deg", round(w.headingDeg()));
                }
                if (w.triggerDistanceM() > 0) {
                    wm.put("trigger_distance_m", round(w.triggerDistanceM()));
                }
                wm.put("agencies", w.agencies());
                wm.put("asset", w.assetId());
                wm.put("cell", w.cellId());
                wps.add(wm);
            }
            sm.put("waypoints", wps);
            sorties.add(sm);
        }
        m.put("sorties", sorties);
        return m;
    }

    private static List<Object> unplanned(List<Unplanned> list) {
        List<Object> out = new ArrayList<>();
        for (Unplanned u : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", u.assetId());
            m.put("reason", u.reason());
            if (u.areaM2() > 0) {
                m.put("area_m2", round(u.areaM2()));
            }
            if (u.lengthM() > 0) {
                m.put("length_m", round(u.lengthM()));
            }
            out.add(m);
        }
        return out;
    }

    /** Tenths of a unit; whole units from a million up so that JSON shows plain digits, not exponents. */
    static Number round(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return Math.abs(v) >= 1e6 ? (Number) Math.round(v) : (Number) (Math.round(v * 10) / 10.0);
    }

    static double deg(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
