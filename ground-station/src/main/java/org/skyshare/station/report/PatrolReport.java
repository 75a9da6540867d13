package org.skyshare.station.report;

import java.time.Instant;
import java.util.List;

/** What a patrol (or a day of patrols) did, as the operator and the agencies read it afterwards. */
public record PatrolReport(
        String stationId,
        Instant startedAt,
        Instant endedAt,
        List<SortieSummary> sorties,
        List<AreaCoverage> coverage,
        List<IncidentSummary> incidents,
        List<Track> tracks) {

    public PatrolReport {
        sorties = List.copyOf(sorties);
        coverage = List.copyOf(coverage);
        incidents = List.copyOf(incidents);
        tracks = List.copyOf(tracks);
    }

    /** One sortie: where from, how far it got, how it ended. */
    public record SortieSummary(String vehicleId, String dockId, String sortieId, Instant startedAt, Instant endedAt,
                                int waypointsFlown, int waypointsTotal, String outcome) {
    }

    /** How much of an area the cameras' swaths covered. */
    public record AreaCoverage(String assetId, String name, double areaM2, double coveredM2) {
        public double share() {
            return areaM2 <= 0 ? 0 : coveredM2 / areaM2;
        }
    }

    /** One incident and what became of its alerts. */
    public record IncidentSummary(String id, String kind, double latDeg, double lonDeg, double confidence,
                                  String state, List<String> agencies, int alertsSent, List<String> acknowledgedBy) {
        public IncidentSummary {
            agencies = List.copyOf(agencies);
            acknowledgedBy = List.copyOf(acknowledgedBy);
        }
    }

    /** A vehicle's flown path, WGS84 lon/lat pairs. */
    public record Track(String vehicleId, List<double[]> lonLat) {
        public Track {
            lonLat = List.copyOf(lonLat);
        }
    }
}
