package org.skyshare.station.console.plan;

import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.export.PlanExporter;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.PlanStats;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.station.console.map.LatLon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleConsumer;

/** The flight planner ({@link Planner}, {@link PlanExporter}) behind the plan panel. */
public final class PlannerAdapter implements PlanService {
    private final ProfileCatalog catalog;
    private final PlanParameters base;

    public PlannerAdapter(ProfileCatalog catalog, PlanParameters base) {
        this.catalog = catalog;
        this.base = base;
    }

    public static PlannerAdapter withDefaults() {
        return new PlannerAdapter(ProfileCatalog.builtIn(), PlanParameters.defaults());
    }

    @Override
    public List<String> aircraftIds() {
        return catalog.aircraft().stream().map(AircraftProfile::id).sorted().toList();
    }

    @Override
    public PlanView plan(PlanRequest request, DoubleConsumer progress) {
        AssetSet all = AssetReader.read(request.assets());
        AssetSet assets = all;
        if (!request.dockIds().isEmpty()) {
            Set<String> chosen = new HashSet<>(request.dockIds());
            // the planner plans from every dock in the set, so leave the unchosen ones out
            assets = AssetSet.of(all.all().stream().filter(a -> a.kind() != AssetKind.DOCK || chosen.contains(a.id())).toList(),
                    all.repairs());
        }
        long t0 = System.nanoTime();
        Plan plan = Planner.plan(assets, base.withAircraft(request.aircraftId()), catalog,
                (stage, done, total) -> progress.accept(total <= 0 ? 0 : (double) done / total));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return view(plan, ms);
    }

    static PlanView view(Plan plan, long planningMs) {
        List<PlanView.Sortie> sorties = new ArrayList<>();
        for (Sortie s : plan.sorties()) {
            List<LatLon> path = new ArrayList<>(s.waypoints().size());
            for (Waypoint w : s.waypoints()) {
                path.add(new LatLon(w.latDeg(), w.lonDeg()));
            }
            String purpose = s.agencies().isEmpty() ? "patrol" : String.join("+", s.agencies());
            sorties.add(new PlanView.Sortie(s.id(), s.dockId(), purpose, path, s.lengthM(), s.flightTimeS(),
                    s.waypoints().size()));
        }
        List<PlanView.Cell> cells = new ArrayList<>();
        for (GridCell c : plan.grid().cells()) {
            List<LatLon> ring = new ArrayList<>();
            for (Coordinate k : c.outline().getExteriorRing().getCoordinates()) {
                ring.add(new LatLon(k.y, k.x));
            }
            cells.add(new PlanView.Cell(c.id(), c.owner(), ring));
        }
        PlanStats st = plan.stats();
        List<String> warnings = new ArrayList<>();
        plan.unplanned().forEach(u -> warnings.add(u.assetId() + " not planned: " + u.reason()));
        plan.repairs().forEach(r -> warnings.add(r.toString()));
        double coveredKm2 = st.coveredAreaM2() / 1e6;
        return new PlanView(sorties, cells, new PlanView.Totals(st.sorties(), sorties.size(), st.inspectionPoints(),
                st.totalLengthM(), plan.sorties().stream().mapToDouble(Sortie::flightTimeS).sum(), coveredKm2, planningMs,
                warnings), plan);
    }

    @Override
    public List<Path> export(PlanView view, Path dir) {
        if (!(view.source() instanceof Plan plan)) {
            throw new IllegalArgumentException("this plan did not come from the flight planner; plan again before exporting");
        }
        return PlanExporter.write(plan, dir).stream().map(dir::resolve).toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "flight planner (%d aircraft)", catalog.aircraft().size());
    }
}
