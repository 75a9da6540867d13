package org.skyshare.station.alert;

import org.skyshare.station.routing.HazardLocator;
import org.skyshare.station.routing.HazardSite;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;

import java.nio.file.Path;
import java.util.Set;

/** A station alert service over a real H2 file, where every hazard lies inside a forest far from lines. */
public final class AlertFixture {
    private AlertFixture() {
    }

    public static final HazardLocator IN_FOREST = p -> new HazardSite("forestry", Set.of("forest"),
            java.util.Map.of("forest", 0.0, "power_line", 5_000.0, "river", 3_000.0));

    public static Router router() {
        return new Router(RoutingRulesFile.defaults(), IN_FOREST);
    }

    public static Router forestryOnly() {
        return new Router(RoutingRulesFile.parse("test rules", """
                agencies: [forestry, water, emergency, power, forest-farm, grid]
                rules:
                  - name: fires-to-forestry
                    kinds: [fire]
                    agencies: [forestry]
                """), IN_FOREST);
    }

    public static AlertService service(Path dir, AlertSettings settings) {
        StationDatabase db = StationDatabase.openEmbedded(dir);
        return new AlertService(new AlertStore(db), router(), settings, java.time.Clock.systemUTC());
    }
}
