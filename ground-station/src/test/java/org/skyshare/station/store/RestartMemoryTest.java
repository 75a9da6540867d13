package org.skyshare.station.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.Incident;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.patrol.FireDanger;
import org.skyshare.station.patrol.PatrolFile;
import org.skyshare.station.patrol.PatrolPlan;
import org.skyshare.station.patrol.PatrolSchedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What a restarted station remembers: patrol runs, the sortie it was flying, the fires it alerted on. */
class RestartMemoryTest {
    private static final Instant T0 = Instant.parse("2026-07-01T01:00:00Z");

    @TempDir
    Path dir;

    private static AlertService service(StationDatabase db, Instant now) {
        return new AlertService(new AlertStore(db), AlertFixture.forestryOnly(),
                AlertSettings.defaults("st1").withAutoConfirm(0.5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static HazardReport fire(String detectorId, double lat, double lon, Instant at) {
        return HazardReport.point(detectorId, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9, lat, lon, at);
    }

    @Test
    void aFireSeenAgainAfterARestartUpdatesItsOpenIncident() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            Incident first = service(db, T0).report(fire("track-a", 30.3500, 119.7500, T0));
            assertThat(first.state()).isEqualTo(IncidentState.DISPATCHED);
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertService after = service(db, T0.plusSeconds(600));
            // the restarted detector names the same fire anew, 40 m from where it was first placed
            Incident again = after.report(fire("track-b", 30.3503, 119.7502, T0.plusSeconds(600)));
            Incident elsewhere = after.report(fire("track-c", 30.3700, 119.7500, T0.plusSeconds(600)));
            Incident againLater = after.report(fire("track-b", 30.3503, 119.7502, T0.plusSeconds(601)));

            assertThat(again.id()).isEqualTo("track-a");
            assertThat(again.revision()).isEqualTo(1);
            assertThat(againLater.id()).isEqualTo("track-a");
            assertThat(elsewhere.id()).isEqualTo("track-c");
            AlertStore store = new AlertStore(db);
            assertThat(store.alertsOf("track-a")).extracting(AlertRecord::msgType).containsExactly("Alert", "Update", "Update");
            assertThat(store.alertsOf("track-a")).extracting(AlertRecord::revision).containsExactly(0, 1, 2);
            assertThat(store.incident("track-b")).isEmpty();
        }
    }

    @Test
    void twoNearbyFiresInOneRunStayTwoIncidents() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertService s = service(db, T0);
            s.report(fire("track-a", 30.3500, 119.7500, T0));
            s.report(fire("track-b", 30.3503, 119.7502, T0));
            assertThat(new AlertStore(db).incidentsIn(IncidentState.DISPATCHED)).hasSize(2);
        }
    }

    @Test
    void aResolvedFireSeenAfterARestartIsANewIncident() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            AlertService s = service(db, T0);
            s.report(fire("track-a", 30.35, 119.75, T0));
            s.resolve("track-a", "operator", "out");
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            assertThat(service(db, T0.plusSeconds(60)).report(fire("track-b", 30.35, 119.75, T0)).id()).isEqualTo("track-b");
        }
    }

    @Test
    void anImmediatePatrolStartedBeforeARestartIsNotDueAfterIt() {
        PatrolPlan plan = PatrolFile.parse("""
                zone: UTC
                patrols:
                  - id: first-look
                    kind: immediate
                    targets: [river-zhongtiao]
                  - id: hourly
                    kind: timed
                    targets: [forest-changle]
                    period_min: 60
                """, "patrols.yaml");
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolSchedule s = new PatrolSchedule(plan.patrols(), plan.zone());
            assertThat(s.due(T0, FireDanger.LOW)).extracting(p -> p.id()).containsExactlyInAnyOrder("first-look", "hourly");
            new PatrolProgressStore(db).recordRun("first-look", T0, 3);
            new PatrolProgressStore(db).recordRun("hourly", T0, 2);
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolSchedule restarted = new PatrolSchedule(plan.patrols(), plan.zone());
            restarted.restore(new PatrolProgressStore(db).lastStarts());
            assertThat(restarted.due(T0.plusSeconds(30 * 60), FireDanger.LOW)).isEmpty();
            assertThat(restarted.due(T0.plusSeconds(60 * 60), FireDanger.LOW)).extracting(p -> p.id()).containsExactly("hourly");
            assertThat(new PatrolProgressStore(db).runsOf("first-look")).isEqualTo(1);
        }
    }

    @Test
    void sortiesARunQueuedButDidNotLaunchAreStillQueuedAfterARestart() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolProgressStore p = new PatrolProgressStore(db);
            p.recordRun("fire-watch", T0, 3, java.util.List.of("fire-watch/S01", "fire-watch/S02", "fire-watch/S03"));
            p.sortie("fire-watch/S01", "fire-watch", "drone-1", PatrolProgressStore.SortieState.FLYING, 10, -1, T0);
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolProgressStore p = new PatrolProgressStore(db);
            assertThat(p.sortiesIn(PatrolProgressStore.SortieState.QUEUED)).extracting(PatrolProgressStore.SortieRecord::sortieId)
                    .containsExactly("fire-watch/S02", "fire-watch/S03");
            assertThat(p.sortiesIn(PatrolProgressStore.SortieState.FLYING)).hasSize(1);
            assertThat(p.runsOf("fire-watch")).isEqualTo(1);
        }
    }

    @Test
    void theSortieFlyingWhenTheStationStoppedIsReportedOnce() {
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolProgressStore p = new PatrolProgressStore(db);
            p.sortie("first-look/S01", "first-look", "drone-1", PatrolProgressStore.SortieState.FLYING, 12, -1, T0);
            p.reached("first-look/S01", 4, T0.plusSeconds(60));
            p.reached("first-look/S01", 3, T0.plusSeconds(61)); // late telemetry never moves it back
            p.sortie("first-look/S02", "first-look", "drone-2", PatrolProgressStore.SortieState.COMPLETED, 9, 8, T0);
        }
        try (StationDatabase db = StationDatabase.openEmbedded(dir)) {
            PatrolProgressStore p = new PatrolProgressStore(db);
            var interrupted = p.takeInterruptedByStop(T0.plusSeconds(300));
            assertThat(interrupted).singleElement().satisfies(s -> {
                assertThat(s.sortieId()).isEqualTo("first-look/S01");
                assertThat(s.vehicle()).isEqualTo("drone-1");
                assertThat(s.lastItem()).isEqualTo(4);
                assertThat(s.itemsTotal()).isEqualTo(12);
            });
            assertThat(p.takeInterruptedByStop(T0.plusSeconds(301))).isEmpty();
        }
    }
}
