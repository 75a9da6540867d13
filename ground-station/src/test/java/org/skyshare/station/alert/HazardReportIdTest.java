package org.skyshare.station.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An incident id names its evidence folder beside the database, so it cannot be one that climbs out. */
class HazardReportIdTest {

    private static HazardReport report(String id) {
        return HazardReport.point(id, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, 30.4, 119.9, Instant.EPOCH);
    }

    @Test
    void dotsAloneOrLeadingAndSeparatorsAreRefused() {
        for (String id : new String[] {"..", ".", ".hidden", "../x", "a/b", "a\\b", ""}) {
            assertThatThrownBy(() -> report(id)).as(id).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not starting with '.'");
        }
    }

    @Test
    void theIdsTheTrackerAndTheConsoleMakeAreKept() {
        assertThat(report("3f2a9c1e-5b7d-4e0a-9c2f-1d2e3f4a5b6c").sourceIncidentId()).startsWith("3f2a");
        assertThat(report("crew:report-1.2").sourceIncidentId()).isEqualTo("crew:report-1.2");
    }
}
