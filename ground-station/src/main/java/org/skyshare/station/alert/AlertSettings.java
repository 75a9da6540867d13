package org.skyshare.station.alert;

import java.util.List;
import java.util.Map;

/**
 * How the station raises alerts.
 *
 * @param stationId             the station's name in topics and CAP identifiers
 * @param sender                CAP sender, e.g. "skyshare@jingshan-01"
 * @param capStatus             CAP status: Actual in service, Exercise for drills and the demo, Test for tests
 * @param autoConfirmConfidence incidents at or above this confidence skip the review queue (above 1: never)
 * @param crews                 field crews per agency: each gets hazard pins for its agency's alerts
 * @param evidenceBaseUri       where agencies fetch evidence images ("https://hub.example/evidence/"), or
 *                              null to link the files on the station's disk (file: URIs)
 */
public record AlertSettings(String stationId, String sender, String capStatus, double autoConfirmConfidence,
                            Map<String, List<String>> crews, String evidenceBaseUri) {
    public AlertSettings {
        new AlertTopics(stationId);
        if (sender == null || sender.isBlank() || sender.matches(".*[\\s,<&].*")) {
            throw new IllegalArgumentException("CAP sender '" + sender + "' must be non-empty with no spaces, commas, '<' or '&'");
        }
        if (!List.of("Actual", "Exercise", "System", "Test", "Draft").contains(capStatus)) {
            throw new IllegalArgumentException("CAP status '" + capStatus + "' is not one of Actual, Exercise, System, Test, Draft");
        }
        if (!(autoConfirmConfidence >= 0)) {
            throw new IllegalArgumentException("auto-confirm confidence " + autoConfirmConfidence + " must be 0 or more");
        }
        crews = crews == null ? Map.of() : Map.copyOf(crews);
    }

    public static AlertSettings defaults(String stationId) {
        return new AlertSettings(stationId, "skyshare@" + stationId, "Actual", 0.9, Map.of(), null);
    }

    public AlertSettings withAutoConfirm(double confidence) {
        return new AlertSettings(stationId, sender, capStatus, confidence, crews, evidenceBaseUri);
    }

    public AlertSettings withCrews(Map<String, List<String>> byAgency) {
        return new AlertSettings(stationId, sender, capStatus, autoConfirmConfidence, byAgency, evidenceBaseUri);
    }

    public AlertSettings withCapStatus(String status) {
        return new AlertSettings(stationId, sender, status, autoConfirmConfidence, crews, evidenceBaseUri);
    }
}
