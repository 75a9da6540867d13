package org.skyshare.planner.plan;

import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.Repair;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.planner.grid.Grid;
import org.skyshare.planner.sortie.DockSite;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.CameraProfile;

import java.util.List;
import java.util.Optional;

/**
 * A complete plan: grid cells, sorties per dock (WGS84 waypoints), what was left out, statistics, and
 * the local-frame facts a validator needs (coverage pieces, no-fly zones, docks).
 *
 * @param altitudeM     survey height above take-off
 * @param lineSpacingM  distance between survey lines
 * @param swathWidthM   camera footprint across the track at the survey height
 * @param photoSpacingM camera trigger distance
 * @param noFlyMarginM  clearance every leg keeps from the no-fly zones
 * @param terrainSource the DEM the legs follow; empty when none was given (flat ground at each dock's level)
 */
public record Plan(
        LocalProjection projection,
        AircraftProfile aircraft,
        CameraProfile camera,
        double altitudeM,
        double lineSpacingM,
        double swathWidthM,
        double photoSpacingM,
        Grid grid,
        List<Sortie> sorties,
        List<Unplanned> unplanned,
        PlanStats stats,
        List<Repair> repairs,
        List<AreaCoverage> coverage,
        List<Asset> noFlyZones,
        List<Geometry> noFlyLocal,
        List<DockSite> docks,
        double noFlyMarginM,
        String terrainSource) {

    public Plan {
        sorties = List.copyOf(sorties);
        unplanned = List.copyOf(unplanned);
        repairs = List.copyOf(repairs);
        coverage = List.copyOf(coverage);
        noFlyZones = List.copyOf(noFlyZones);
        noFlyLocal = List.copyOf(noFlyLocal);
        docks = List.copyOf(docks);
    }

    public Optional<Sortie> sortie(String id) {
        return sorties.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Sortie> sortiesOf(String dockId) {
        return sorties.stream().filter(s -> s.dockId().equals(dockId)).toList();
    }
}
