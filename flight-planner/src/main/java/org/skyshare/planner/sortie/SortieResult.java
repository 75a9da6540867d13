package org.skyshare.planner.sortie;

import org.skyshare.planner.plan.Unplanned;

import java.util.List;

/** Sorties of every dock, in dock order, and the work no dock could take. */
public record SortieResult(List<LocalSortie> sorties, List<Unplanned> unplanned) {
    public SortieResult {
        sorties = List.copyOf(sorties);
        unplanned = List.copyOf(unplanned);
    }
}
