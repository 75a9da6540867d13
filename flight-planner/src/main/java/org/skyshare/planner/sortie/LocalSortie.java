package org.skyshare.planner.sortie;

import java.util.List;

/** A sortie in the local frame, before export. */
public record LocalSortie(DockSite dock, int number, List<Stop> stops, double flightTimeS) {
    public LocalSortie {
        stops = List.copyOf(stops);
    }
}
