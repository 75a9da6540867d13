package org.skyshare.station.console.fleet;

import java.util.List;

/** One line of the patrol schedule as the fleet panel lists it: what, for whom, how often, when. */
public record PatrolEntry(String id, String name, String kind, List<String> agencies, String every, String window) {
    public PatrolEntry {
        agencies = List.copyOf(agencies);
    }
}
