package org.skyshare.station.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Patrol runs and sortie progress, committed as they happen, so a restarted station resumes its
 * schedule where it stopped (an immediate patrol is not flown twice) and reports the sortie a crash
 * or stop interrupted.
 */
public final class PatrolProgressStore {
    /**
     * Where a sortie stands. {@code QUEUED} at start-up is a sortie of a started run the station
     * stopped before launching; {@code FLYING} means the station stopped while it flew.
     */
    public enum SortieState { QUEUED, FLYING, COMPLETED, INTERRUPTED, WAITING, INTERRUPTED_BY_STOP }

    /** A sortie as last recorded; {@code lastItem} is the last mission item reached (-1 for none). */
    public record SortieRecord(String sortieId, String patrolId, String vehicle, SortieState state, int itemsTotal,
                               int lastItem, Instant updatedAt) {
    }

    private final StationDatabase db;

    public PatrolProgressStore(StationDatabase db) {
        this.db = db;
    }

    /** Records that a patrol started at {@code at} with no sortie queued (it could not be planned). */
    public void recordRun(String patrolId, Instant at, int sorties) {
        recordRun(patrolId, at, sorties, List.of());
    }

    /**
     * Records, in one transaction, that a patrol started at {@code at} and which sorties it queued:
     * a station stopped before launching them finds them {@code QUEUED} on its next start.
     */
    public void recordRun(String patrolId, Instant at, int sorties, List<String> queuedSortieIds) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO patrol_runs (patrol_id, started_at, sorties) VALUES (?,?,?)")) {
                ps.setString(1, patrolId);
                db.setTime(ps, 2, at);
                ps.setInt(3, sorties);
                ps.executeUpdate();
            }
            for (String id : queuedSortieIds) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM sortie_progress WHERE sortie_id = ?")) {
                    del.setString(1, id);
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sortie_progress (sortie_id, patrol_id, "
                        + "vehicle, state, items_total, last_item, updated_at) VALUES (?,?,NULL,'QUEUED',0,-1,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, patrolId);
                    db.setTime(ps, 3, at);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** When each patrol last started, for {@code PatrolSchedule.restore}. */
    public Map<String, Instant> lastStarts() {
        return db.inTransaction(c -> {
            Map<String, Instant> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT patrol_id, started_at FROM patrol_runs");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant t = db.getTime(rs, "started_at");
                    out.merge(rs.getString("patrol_id"), t, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return out;
        });
    }

    public int runsOf(String patrolId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM patrol_runs WHERE patrol_id = ?")) {
                ps.setString(1, patrolId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Creates or replaces a sortie's record. */
    public void sortie(String sortieId, String patrolId, String vehicle, SortieState state, int itemsTotal, int lastItem,
                       Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM sortie_progress WHERE sortie_id = ?")) {
                del.setString(1, sortieId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sortie_progress (sortie_id, patrol_id, vehicle, "
                    + "state, items_total, last_item, updated_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, sortieId);
                ps.setString(2, patrolId);
                ps.setString(3, vehicle);
                ps.setString(4, state.name());
                ps.setInt(5, itemsTotal);
                ps.setInt(6, lastItem);
                db.setTime(ps, 7, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The last mission item a flying sortie reached. */
    public void reached(String sortieId, int lastItem, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sortie_progress SET last_item = ?, updated_at = ? WHERE sortie_id = ? AND last_item < ?")) {
                ps.setInt(1, lastItem);
                db.setTime(ps, 2, at);
                ps.setString(3, sortieId);
                ps.setInt(4, lastItem);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<SortieRecord> sortiesIn(SortieState state) {
        return db.inTransaction(c -> {
            List<SortieRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM sortie_progress WHERE state = ? ORDER BY updated_at, sortie_id")) {
                ps.setString(1, state.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SortieRecord(rs.getString("sortie_id"), rs.getString("patrol_id"),
                                rs.getString("vehicle"), SortieState.valueOf(rs.getString("state")),
                                rs.getInt("items_total"), rs.getInt("last_item"), db.getTime(rs, "updated_at")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Sorties that were flying when the station last stopped: marked {@code INTERRUPTED_BY_STOP}
     * and returned, once, for the report.
     */
    public List<SortieRecord> takeInterruptedByStop(Instant at) {
        List<SortieRecord> flying = sortiesIn(SortieState.FLYING);
        for (SortieRecord s : flying) {
            sortie(s.sortieId(), s.patrolId(), s.vehicle(), SortieState.INTERRUPTED_BY_STOP, s.itemsTotal(), s.lastItem(), at);
        }
        return flying;
    }
}
