package org.skyshare.station.console.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/** The planner the console uses by default. */
public final class PlanServices {
    private PlanServices() {
    }

    /** The flight planner of this build. */
    public static PlanService installed() {
        return PlannerAdapter.withDefaults();
    }

    /** A planner that says why it cannot plan (shown in the status bar), so the rest of the console still works. */
    public static PlanService unavailable(String why) {
        return new PlanService() {
            @Override
            public List<String> aircraftIds() {
                return org.skyshare.profiles.ProfileCatalog.builtIn().aircraft().stream().map(a -> a.id()).toList();
            }

            @Override
            public PlanView plan(PlanRequest request, DoubleConsumer progress) {
                throw new IllegalStateException(why);
            }

            @Override
            public List<Path> export(PlanView plan, Path dir) {
                throw new IllegalStateException(why);
            }
        };
    }
}
