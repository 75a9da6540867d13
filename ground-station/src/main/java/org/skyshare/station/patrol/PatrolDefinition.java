package org.skyshare.station.patrol;

import java.time.Duration;
import java.util.List;

/**
 * A patrol as the operator writes it: what to fly (asset ids, or every asset of a kind such as
 * {@code forest}), for which agencies, when, and under which conditions.
 *
 * @param targets          asset ids or {@code kind:<kind>} selectors of what the patrol covers
 * @param period           time between two patrols (timed and conditional kinds)
 * @param minBatteryPct    an aircraft below this charge does not launch
 * @param fireDangerAtLeast for conditional patrols: the level from which they fly
 */
public record PatrolDefinition(
        String id,
        String name,
        PatrolKind kind,
        List<String> targets,
        List<String> agencies,
        Duration period,
        TimeWindow window,
        double minBatteryPct,
        FireDanger fireDangerAtLeast,
        boolean raiseWithFireDanger) {

    public PatrolDefinition {
        targets = List.copyOf(targets);
        agencies = List.copyOf(agencies);
        window = window == null ? TimeWindow.ALL_DAY : window;
        fireDangerAtLeast = fireDangerAtLeast == null ? FireDanger.LOW : fireDangerAtLeast;
    }

    /** The period in force at a fire-danger level. */
    public Duration effectivePeriod(FireDanger danger) {
        if (period == null) {
            return null;
        }
        return raiseWithFireDanger ? period.dividedBy(danger.frequencyFactor()) : period;
    }
}
