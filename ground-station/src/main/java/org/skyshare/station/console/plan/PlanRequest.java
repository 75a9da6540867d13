package org.skyshare.station.console.plan;

import java.nio.file.Path;
import java.util.List;

/** Which assets to plan, with which aircraft, from which docks (empty: every dock in the assets). */
public record PlanRequest(List<Path> assets, String aircraftId, List<String> dockIds) {
    public PlanRequest {
        assets = List.copyOf(assets);
        dockIds = List.copyOf(dockIds);
    }
}
