package org.skyshare.planner.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.profiles.ProfileCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {
    @TempDir
    Path dir;

    private static final double X = TestAreas.ORIGIN.x;
    private static final double Y = TestAreas.ORIGIN.y;

    private static Asset forest(double dx) {
        Polygon p = TestAreas.convex(new Random(1), X + dx, Y, 500);
        return TestAreas.asset("forest-f", AssetKind.FOREST, p, Map.of("agency", "forestry"));
    }

    @Test
    void aDockOutOfRangeOfEverythingIsReportedAndFarWorkIsUnplanned() {
        AssetSet set = AssetSet.of(List.of(forest(0), TestAreas.dock("dock-near", X + 1000, Y, "sim-dock"),
                TestAreas.dock("dock-far", X + 40_000, Y, "sim-dock"),
                TestAreas.asset("forest-far", AssetKind.FOREST, TestAreas.convex(new Random(2), X - 20_000, Y, 400), Map.of())));
        Plan plan = Planner.plan(set, PlanParameters.defaults());
        assertThat(plan.unplanned()).anyMatch(u -> u.assetId().equals("dock-far") && u.reason().contains("no work"));
        assertThat(plan.unplanned()).anyMatch(u -> u.assetId().equals("forest-far") && u.reason().contains("beyond the reach") && u.areaM2() > 0);
        assertThat(plan.sortiesOf("dock-near")).isNotEmpty();
    }

    @Test
    void aDockInsideANoFlyZoneIsLeftOutWithItsReason() {
        AssetSet set = AssetSet.of(List.of(forest(0), TestAreas.dock("dock-a", X + 1000, Y, "sim-dock"),
                TestAreas.dock("dock-b", X + 3000, Y, "sim-dock"),
                TestAreas.asset("nofly-z", AssetKind.NO_FLY, TestAreas.convex(new Random(3), X + 3000, Y, 200), Map.of())));
        Plan plan = Planner.plan(set, PlanParameters.defaults());
        assertThat(plan.unplanned()).anyMatch(u -> u.assetId().equals("dock-b") && u.reason().contains("no-fly"));
        assertThat(plan.docks()).extracting(d -> d.id()).containsExactly("dock-a");
    }

    @Test
    void anAircraftTooWeakForAnySortieIsAClearError() throws Exception {
        Files.writeString(dir.resolve("weak.yaml"), """
                kind: aircraft
                id: weak-quad
                name: "Weak test quad"
                manufacturer: Test
                autopilot: sim
                cruise_speed_mps: 10
                max_speed_mps: 15
                endurance_min: 0.5
                battery_reserve_pct: 20
                max_wind_mps: 12
                service_ceiling_m: 3000
                climb_rate_mps: 3
                descent_rate_mps: 2
                payloads: [sim-rgb, sim-thermal]
                source:
                  title: "test"
                  url: none
                  retrieved: 2026-11
                """);
        ProfileCatalog catalog = ProfileCatalog.withFolder(dir);
        AssetSet set = AssetSet.of(List.of(forest(0), TestAreas.dock("dock-a", X + 1000, Y, "sim-dock")));
        assertThatThrownBy(() -> Planner.plan(set, PlanParameters.defaults().withAircraft("weak-quad"), catalog, ProgressListener.NONE))
                .isInstanceOf(PlanException.class).hasMessageContaining("weak-quad").hasMessageContaining("too weak");
    }

    @Test
    void noDocksAndUnknownDockProfilesAreClearErrors() {
        assertThatThrownBy(() -> Planner.plan(AssetSet.of(List.of(forest(0))), PlanParameters.defaults()))
                .isInstanceOf(PlanException.class).hasMessageContaining("no dock");
        AssetSet set = AssetSet.of(List.of(forest(0), TestAreas.dock("dock-x", X, Y, "hangar-9000")));
        assertThatThrownBy(() -> Planner.plan(set, PlanParameters.defaults()))
                .isInstanceOf(PlanException.class).hasMessageContaining("dock-x").hasMessageContaining("hangar-9000");
    }

    @Test
    void longWorkIsSplitIntoSortiesThatEachFitTheBattery() {
        Polygon big = (Polygon) TestAreas.GF.toGeometry(new org.locationtech.jts.geom.Envelope(X - 2000, X + 2000, Y - 2000, Y + 2000));
        AssetSet set = AssetSet.of(List.of(TestAreas.asset("forest-big", AssetKind.FOREST, big, Map.of("agency", "forestry")),
                TestAreas.dock("dock-a", X, Y - 2100, "sim-dock")));
        Plan plan = Planner.plan(set, PlanParameters.defaults());
        double budget = plan.docks().get(0).budgetS();
        assertThat(plan.sorties().size()).isGreaterThan(3);
        assertThat(plan.sorties()).allMatch(s -> s.flightTimeS() <= budget);
        assertThat(plan.stats().coveredAreaM2()).isGreaterThanOrEqualTo(0.99 * plan.stats().areaM2());
        // convex area: the survey lines are within 10% of the area / spacing bound
        assertThat(plan.stats().transectLengthM()).isLessThan(1.10 * plan.stats().areaM2() / plan.lineSpacingM());
    }
}
