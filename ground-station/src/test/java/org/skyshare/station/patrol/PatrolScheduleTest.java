package org.skyshare.station.patrol;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.ProfileCatalog;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatrolScheduleTest {
    private static final String FILE = """
            zone: Asia/Shanghai
            fire_danger: moderate
            patrols:
              - id: fire-changle
                kind: timed
                targets: [forest-changle]
                agencies: [forestry, forest-farm]
                period_min: 60
                window: "06:00-20:00"
                raise_with_fire_danger: true
              - id: fire-extra
                kind: conditional
                targets: [kind:forest]
                period_min: 30
                fire_danger_at_least: very-high
              - id: first-look
                kind: immediate
                targets: [river-zhongtiao]
            """;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant local(String time) {
        return java.time.LocalDate.of(2026, 7, 1).atTime(java.time.LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    private static List<String> ids(List<PatrolDefinition> ps) {
        return ps.stream().map(PatrolDefinition::id).toList();
    }

    @Test
    void timedPatrolsRepeatByPeriodInsideTheirWindow() {
        PatrolPlan plan = PatrolFile.parse(FILE, "patrols.yaml");
        PatrolSchedule s = new PatrolSchedule(plan.patrols(), plan.zone());
        assertThat(ids(s.due(local("05:30"), FireDanger.MODERATE))).containsExactly("first-look");
        s.started("first-look", local("05:30"));
        assertThat(ids(s.due(local("06:00"), FireDanger.MODERATE))).containsExactly("fire-changle");
        s.started("fire-changle", local("06:00"));
        assertThat(s.due(local("06:59"), FireDanger.MODERATE)).isEmpty();
        assertThat(ids(s.due(local("07:00"), FireDanger.MODERATE))).containsExactly("fire-changle");
        assertThat(s.due(local("20:30"), FireDanger.MODERATE)).isEmpty();
    }

    @Test
    void fireDangerRaisesFrequencyAndWakesConditionalPatrols() {
        PatrolPlan plan = PatrolFile.parse(FILE, "patrols.yaml");
        PatrolSchedule s = new PatrolSchedule(plan.patrols(), plan.zone());
        s.started("first-look", local("05:00"));
        s.started("fire-changle", local("08:00"));
        // HIGH halves the hour: due again after 30 min
        assertThat(ids(s.due(local("08:30"), FireDanger.HIGH))).containsExactly("fire-changle");
        assertThat(ids(s.due(local("08:30"), FireDanger.VERY_HIGH))).containsExactlyInAnyOrder("fire-changle", "fire-extra");
        assertThat(plan.patrols().get(0).effectivePeriod(FireDanger.EXTREME)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRestartedStationKeepsTheRhythm() {
        PatrolPlan plan = PatrolFile.parse(FILE, "patrols.yaml");
        PatrolSchedule before = new PatrolSchedule(plan.patrols(), plan.zone());
        before.started("first-look", local("05:00"));
        before.started("fire-changle", local("09:00"));
        PatrolSchedule after = new PatrolSchedule(plan.patrols(), plan.zone());
        after.restore(before.lastStarts());
        assertThat(after.due(local("09:30"), FireDanger.LOW)).isEmpty();
    }

    @Test
    void windowsPastMidnightWrap() {
        TimeWindow night = new TimeWindow(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(4, 0));
        assertThat(night.contains(java.time.LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(java.time.LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(java.time.LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void dockReadinessSaysWhyADockWaits() {
        var dock = ProfileCatalog.builtIn().dock("dji-dock-2");
        assertThat(DockReadiness.reasonsNotReady(dock, Weather.CALM, true, 95, 80)).isEmpty();
        assertThat(DockReadiness.reasonsNotReady(dock, new Weather(14, 20, 50), false, 40, 80))
                .containsExactly("no aircraft in the dock", "battery 40 % below the patrol's 80 %",
                        "wind 14.0 m/s over the dock's 8.0 m/s limit", "rain 20.0 mm/h over the dock's 10.0 mm/h limit",
                        "temperature 50 C outside the dock's -25..45 C");
    }

    @Test
    void badPatrolFilesNameTheField() {
        assertThatThrownBy(() -> PatrolFile.parse(FILE.replace("kind: timed", "kind: hourly"), "p.yaml"))
                .hasMessageContaining("p.yaml: field 'patrols[0].kind': expected one of immediate, timed, conditional, got 'hourly'");
        assertThatThrownBy(() -> PatrolFile.parse(FILE.replace("    period_min: 60\n", ""), "p.yaml"))
                .hasMessageContaining("field 'patrols[0].period_min': missing");
        assertThatThrownBy(() -> PatrolFile.parse(FILE.replace("06:00-20:00", "6am"), "p.yaml"))
                .hasMessageContaining("expected HH:MM-HH:MM, got '6am'");
        assertThatThrownBy(() -> PatrolFile.parse(FILE.replace("period_min: 60", "period_minutes: 60"), "p.yaml"))
                .hasMessageContaining("p.yaml:8: field 'patrols[0].period_minutes': unknown field");
    }
}
