package org.skyshare.station.store;

import org.skyshare.station.alert.Acknowledgement;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentEvent;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.alert.OutboundMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Incidents, their history, alerts, the outbox and acknowledgements, over {@link StationDatabase}. */
public final class AlertStore {
    private final StationDatabase db;

    public AlertStore(StationDatabase db) {
        this.db = db;
    }

    public StationDatabase database() {
        return db;
    }

    // ---- incidents

    public Optional<Incident> incident(String id) {
        return db.inTransaction(c -> incident(c, id));
    }

    public Optional<Incident> incident(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM incidents WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(incidentFrom(rs)) : Optional.empty();
            }
        }
    }

    public List<Incident> incidentsIn(IncidentState state) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM incidents WHERE state = ? ORDER BY created_at, id")) {
                ps.setString(1, state.name());
                List<Incident> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(incidentFrom(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Open incidents (not dismissed or resolved), oldest first. */
    public List<Incident> openIncidents(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM incidents WHERE state NOT IN ('DISMISSED', 'RESOLVED') ORDER BY created_at, id")) {
            List<Incident> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(incidentFrom(rs));
                }
            }
            return out;
        }
    }

    /** The incident a detector id was matched to, when it joined one opened under another id. */
    public Optional<String> incidentOfSource(Connection c, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_id FROM incident_sources WHERE source_id = ?")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void linkSource(Connection c, String sourceId, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_sources (source_id, incident_id) VALUES (?,?)")) {
            ps.setString(1, sourceId);
            ps.setString(2, incidentId);
            ps.executeUpdate();
        }
    }

    public void insertIncident(Connection c, Incident i) throws SQLException {
        HazardReport r = i.report();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, kind, severity, confidence, lat_deg, "
                + "lon_deg, area_json, radius_m, peak_temperature_c, evidence_path, description, detected_at, state, "
                + "revision, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, i.id());
            bindReport(ps, r, 2);
            ps.setString(13, i.state().name());
            ps.setInt(14, i.revision());
            db.setTime(ps, 15, i.createdAt());
            db.setTime(ps, 16, i.updatedAt());
            ps.executeUpdate();
        }
    }

    /** Replaces the stored report, state and revision of an incident. */
    public void updateIncident(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET kind=?, severity=?, confidence=?, lat_deg=?, "
                + "lon_deg=?, area_json=?, radius_m=?, peak_temperature_c=?, evidence_path=?, description=?, "
                + "detected_at=?, state=?, revision=?, updated_at=? WHERE id=?")) {
            bindReport(ps, i.report(), 1);
            ps.setString(12, i.state().name());
            ps.setInt(13, i.revision());
            db.setTime(ps, 14, i.updatedAt());
            ps.setString(15, i.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("incident " + i.id() + " is not stored");
            }
        }
    }

    private void bindReport(PreparedStatement ps, HazardReport r, int from) throws SQLException {
        ps.setString(from, r.kind().name());
        ps.setString(from + 1, r.severity().name());
        ps.setDouble(from + 2, r.confidence());
        ps.setDouble(from + 3, r.position().latDeg());
        ps.setDouble(from + 4, r.position().lonDeg());
        ps.setString(from + 5, r.area().isEmpty() ? null : areaText(r.area()));
        ps.setDouble(from + 6, r.radiusM());
        if (r.peakTemperatureC() == null) {
            ps.setNull(from + 7, Types.DOUBLE);
        } else {
            ps.setDouble(from + 7, r.peakTemperatureC());
        }
        ps.setString(from + 8, r.evidenceImage() == null ? null : r.evidenceImage().toString());
        ps.setString(from + 9, r.description());
        db.setTime(ps, from + 10, r.detectedAt());
    }

    private Incident incidentFrom(ResultSet rs) throws SQLException {
        double peak = rs.getDouble("peak_temperature_c");
        Double peakC = rs.wasNull() ? null : peak;
        String evidence = rs.getString("evidence_path");
        HazardReport r = new HazardReport(rs.getString("id"), HazardKind.valueOf(rs.getString("kind")),
                HazardSeverity.valueOf(rs.getString("severity")), rs.getDouble("confidence"),
                new GeoPoint(rs.getDouble("lat_deg"), rs.getDouble("lon_deg")), areaFrom(rs.getString("area_json")),
                rs.getDouble("radius_m"), peakC, evidence == null ? null : Path.of(evidence),
                db.getTime(rs, "detected_at"), rs.getString("description"));
        return new Incident(rs.getString("id"), r, IncidentState.valueOf(rs.getString("state")), rs.getInt("revision"),
                db.getTime(rs, "created_at"), db.getTime(rs, "updated_at"));
    }

    static String areaText(List<GeoPoint> area) {
        StringBuilder sb = new StringBuilder("[");
        for (GeoPoint p : area) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('[').append(p.latDeg()).append(',').append(p.lonDeg()).append(']');
        }
        return sb.append(']').toString();
    }

    static List<GeoPoint> areaFrom(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String body = text.replace("[", " ").replace("]", " ").trim();
        String[] n = body.split("\\s*,\\s*");
        List<GeoPoint> out = new ArrayList<>();
        for (int k = 0; k + 1 < n.length; k += 2) {
            out.add(new GeoPoint(Double.parseDouble(n[k].trim()), Double.parseDouble(n[k + 1].trim())));
        }
        return out;
    }

    // ---- history

    public void addEvent(Connection c, IncidentEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incident_events (incident_id, state, agency, actor, at, note) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, e.incidentId());
            ps.setString(2, e.state().name());
            ps.setString(3, e.agency());
            ps.setString(4, e.actor());
            db.setTime(ps, 5, e.at());
            ps.setString(6, e.note());
            ps.executeUpdate();
        }
    }

    public List<IncidentEvent> history(String incidentId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM incident_events WHERE incident_id = ? ORDER BY seq")) {
                ps.setString(1, incidentId);
                List<IncidentEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IncidentEvent(rs.getString("incident_id"),
                                IncidentState.valueOf(rs.getString("state")), rs.getString("agency"),
                                rs.getString("actor"), db.getTime(rs, "at"), rs.getString("note")));
                    }
                }
                return out;
            }
        });
    }

    // ---- alerts

    public void insertAlert(Connection c, AlertRecord a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (id, incident_id, agency, revision, msg_type, "
                + "references_ids, state, created_at, accepted_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.incidentId());
            ps.setString(3, a.agency());
            ps.setInt(4, a.revision());
            ps.setString(5, a.msgType());
            ps.setString(6, a.referencesIds());
            ps.setString(7, a.state());
            db.setTime(ps, 8, a.createdAt());
            db.setTime(ps, 9, a.acceptedAt());
            ps.executeUpdate();
        }
    }

    public Optional<AlertRecord> alert(String id) {
        return db.inTransaction(c -> alert(c, id));
    }

    public Optional<AlertRecord> alert(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alertFrom(rs)) : Optional.empty();
            }
        }
    }

    public List<AlertRecord> alertsOf(String incidentId) {
        return db.inTransaction(c -> alertsOf(c, incidentId));
    }

    public List<AlertRecord> alertsOf(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM alerts WHERE incident_id = ? ORDER BY revision, agency")) {
            ps.setString(1, incidentId);
            List<AlertRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(alertFrom(rs));
                }
            }
            return out;
        }
    }

    public void setAlertState(Connection c, String alertId, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET state = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setString(2, alertId);
            ps.executeUpdate();
        }
    }

    public long countAlerts() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM alerts"));
    }

    private AlertRecord alertFrom(ResultSet rs) throws SQLException {
        Instant accepted = db.getTime(rs, "accepted_at");
        return new AlertRecord(rs.getString("id"), rs.getString("incident_id"), rs.getString("agency"),
                rs.getInt("revision"), rs.getString("msg_type"), rs.getString("references_ids"), rs.getString("state"),
                db.getTime(rs, "created_at"), accepted);
    }

    // ---- outbox

    public void enqueue(Connection c, String messageId, String alertId, String topic, byte[] payload, boolean retained,
                        Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, alert_id, topic, payload, retained, "
                + "created_at, attempts) VALUES (?,?,?,?,?,?,0)")) {
            ps.setString(1, messageId);
            ps.setString(2, alertId);
            ps.setString(3, topic);
            ps.setString(4, new String(payload, StandardCharsets.UTF_8));
            ps.setBoolean(5, retained);
            db.setTime(ps, 6, now);
            ps.executeUpdate();
        }
    }

    /** The oldest messages the broker has not accepted yet. */
    public List<OutboundMessage> pending(int limit) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, message_id, alert_id, topic, payload, retained FROM outbox WHERE accepted_at IS NULL "
                            + "ORDER BY seq LIMIT " + limit)) {
                List<OutboundMessage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboundMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5).getBytes(StandardCharsets.UTF_8), rs.getBoolean(6)));
                    }
                }
                return out;
            }
        });
    }

    public long countPending() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE accepted_at IS NULL"));
    }

    public long countOutbox() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox"));
    }

    /** Records that the broker accepted these messages (and so the alerts they carry). */
    public void markAccepted(List<OutboundMessage> messages, Instant at) {
        if (messages.isEmpty()) {
            return;
        }
        // crash-safe, not fsynced: a mark lost to a power cut only sends the message again, same id and bytes
        db.inCrashSafeTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET accepted_at = ?, attempts = attempts + 1 WHERE seq = ?");
                 PreparedStatement alert = c.prepareStatement(
                         "UPDATE alerts SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL")) {
                for (OutboundMessage m : messages) {
                    db.setTime(ps, 1, at);
                    ps.setLong(2, m.seq());
                    ps.addBatch();
                    if (m.alertId() != null && m.messageId().equals(m.alertId())) {
                        db.setTime(alert, 1, at);
                        alert.setString(2, m.alertId());
                        alert.addBatch();
                    }
                }
                ps.executeBatch();
                alert.executeBatch();
            }
            return null;
        });
    }

    public void countAttempt(OutboundMessage m) {
        db.inCrashSafeTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?")) {
                ps.setLong(1, m.seq());
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- acknowledgements

    /** Stores an answer; false when the same agency already sent an answer with this id (a resend). */
    public boolean insertAck(Connection c, Acknowledgement a, Instant receivedAt) throws SQLException {
        try (PreparedStatement check = c.prepareStatement(
                "SELECT 1 FROM acknowledgements WHERE agency = ? AND ack_id = ?")) {
            check.setString(1, a.agency());
            check.setString(2, a.ackId());
            try (ResultSet rs = check.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgements (agency, ack_id, alert_id, action, "
                + "actor, at, note, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, a.agency());
            ps.setString(2, a.ackId());
            ps.setString(3, a.alertId());
            ps.setString(4, a.action().name());
            ps.setString(5, a.actor());
            db.setTime(ps, 6, a.at());
            ps.setString(7, a.note());
            db.setTime(ps, 8, receivedAt);
            ps.executeUpdate();
        }
        return true;
    }

    public long countAcks() {
        return db.inTransaction(c -> count(c, "SELECT COUNT(*) FROM acknowledgements"));
    }

    // ---- helpers

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
