package org.skyshare.station.console;

import org.skyshare.station.console.map.FeatureKind;
import org.skyshare.station.console.map.GeoJsonAssets;
import org.skyshare.station.console.map.LatLon;
import org.skyshare.station.console.map.MapFeature;
import org.skyshare.station.console.plan.PlanRequest;
import org.skyshare.station.console.plan.PlanService;
import org.skyshare.station.console.plan.PlanView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/** A stand-in planner for panel tests: one lawnmower sortie around each chosen dock. */
final class FixturePlanner implements PlanService {
    volatile int plans;

    @Override
    public List<String> aircraftIds() {
        return List.of("dji-m30t", "sim-quad");
    }

    @Override
    public PlanView plan(PlanRequest request, DoubleConsumer progress) {
        List<MapFeature> docks = new ArrayList<>();
        for (Path p : request.assets()) {
            GeoJsonAssets.read(p).stream().filter(f -> f.kind() == FeatureKind.DOCK)
                    .filter(f -> request.dockIds().isEmpty() || request.dockIds().contains(f.id())).forEach(docks::add);
        }
        List<PlanView.Sortie> sorties = new ArrayList<>();
        List<PlanView.Cell> cells = new ArrayList<>();
        for (int i = 0; i < docks.size(); i++) {
            LatLon c = LatLon.ofWorld(docks.get(i).x(), docks.get(i).y());
            List<LatLon> path = new ArrayList<>();
            path.add(c);
            for (int k = 0; k < 6; k++) {
                double lat = c.latDeg() - 0.005 + k * 0.002;
                path.add(new LatLon(lat, c.lonDeg() + (k % 2 == 0 ? -0.008 : 0.008)));
                path.add(new LatLon(lat, c.lonDeg() + (k % 2 == 0 ? 0.008 : -0.008)));
            }
            path.add(c);
            sorties.add(new PlanView.Sortie("S" + (i + 1), docks.get(i).id(), "fire patrol", path, 9000, 1500, path.size()));
            cells.add(new PlanView.Cell("C" + (i + 1), i % 2 == 0 ? "forestry" : "power", List.of(
                    new LatLon(c.latDeg() - 0.006, c.lonDeg() - 0.009), new LatLon(c.latDeg() - 0.006, c.lonDeg() + 0.009),
                    new LatLon(c.latDeg() + 0.007, c.lonDeg() + 0.009), new LatLon(c.latDeg() + 0.007, c.lonDeg() - 0.009))));
            progress.accept((i + 1.0) / docks.size());
        }
        plans++;
        return new PlanView(sorties, cells, new PlanView.Totals(sorties.size(), sorties.size(), 0,
                sorties.size() * 9000.0, sorties.size() * 1500.0, 1.5, 3, List.of()), null);
    }

    @Override
    public List<Path> export(PlanView plan, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"sorties\": " + plan.sorties().size() + "}");
        return List.of(f);
    }
}
