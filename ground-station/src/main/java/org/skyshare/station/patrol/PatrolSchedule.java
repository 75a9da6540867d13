package org.skyshare.station.patrol;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which patrols are due. It knows only time, the fire-danger level and when each patrol
 * last started; whether a dock can fly it is the dispatcher's question ({@link DockReadiness}).
 */
public final class PatrolSchedule {
    private final List<PatrolDefinition> patrols;
    private final ZoneId zone;
    private final Map<String, Instant> lastStarted = new HashMap<>();
    private final Map<String, Boolean> immediateDone = new HashMap<>();

    public PatrolSchedule(List<PatrolDefinition> patrols, ZoneId zone) {
        this.patrols = List.copyOf(patrols);
        this.zone = zone;
    }

    public List<PatrolDefinition> patrols() {
        return patrols;
    }

    /** The patrols due at {@code now}, most overdue first. */
    public List<PatrolDefinition> due(Instant now, FireDanger danger) {
        List<PatrolDefinition> due = new ArrayList<>();
        for (PatrolDefinition p : patrols) {
            if (isDue(p, now, danger)) {
                due.add(p);
            }
        }
        due.sort((a, b) -> lastStarted.getOrDefault(a.id(), Instant.MIN).compareTo(lastStarted.getOrDefault(b.id(), Instant.MIN)));
        return due;
    }

    private boolean isDue(PatrolDefinition p, Instant now, FireDanger danger) {
        if (p.kind() == PatrolKind.IMMEDIATE) {
            return !immediateDone.getOrDefault(p.id(), false);
        }
        if (p.kind() == PatrolKind.CONDITIONAL && danger.compareTo(p.fireDangerAtLeast()) < 0) {
            return false;
        }
        if (!p.window().contains(now.atZone(zone).toLocalTime())) {
            return false;
        }
        Instant last = lastStarted.get(p.id());
        return last == null || !now.isBefore(last.plus(p.effectivePeriod(danger)));
    }

    /** Records that a patrol started, so its next run counts from now. */
    public void started(String patrolId, Instant at) {
        lastStarted.put(patrolId, at);
        immediateDone.put(patrolId, true);
    }

    /** Restores the schedule after a restart from what the store remembers. */
    public void restore(Map<String, Instant> lastStarts) {
        lastStarts.forEach(this::started);
    }

    public Map<String, Instant> lastStarts() {
        return Map.copyOf(lastStarted);
    }
}
