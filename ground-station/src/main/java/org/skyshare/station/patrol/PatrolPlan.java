package org.skyshare.station.patrol;

import java.time.ZoneId;
import java.util.List;

/** The contents of a patrols file: the patrols, the local time zone and the current fire danger. */
public record PatrolPlan(ZoneId zone, FireDanger fireDanger, List<PatrolDefinition> patrols) {
    public PatrolPlan {
        patrols = List.copyOf(patrols);
    }
}
