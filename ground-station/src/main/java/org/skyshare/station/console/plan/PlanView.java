package org.skyshare.station.console.plan;

import org.skyshare.station.console.map.LatLon;

import java.util.List;

/**
 * A finished plan reduced to what the console shows: sorties with their paths, grid cells with
 * owners, and totals. {@code source} keeps the planner's own result for export.
 */
public record PlanView(List<Sortie> sorties, List<Cell> cells, Totals totals, Object source) {
    public PlanView {
        sorties = List.copyOf(sorties);
        cells = List.copyOf(cells);
    }

    /** One flight from a dock and back. */
    public record Sortie(String id, String dockId, String purpose, List<LatLon> path, double lengthM,
                         double durationS, int waypoints) {
        public Sortie {
            path = List.copyOf(path);
        }
    }

    public record Cell(String id, String owner, List<LatLon> ring) {
        public Cell {
            ring = List.copyOf(ring);
        }
    }

    /** Plan-wide figures; {@code planningMs} is the planner's own wall time. */
    public record Totals(int sorties, int routes, int inspectionPoints, double lengthM, double durationS,
                         double coveredAreaKm2, long planningMs, List<String> warnings) {
        public Totals {
            warnings = List.copyOf(warnings);
        }
    }
}
