package org.skyshare.station.patrol;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.config.StationConfigFile;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatrolAreaTest {
    private static AssetSet assets;
    private static Plan plan;

    @BeforeAll
    static void plan() {
        assets = AssetReader.read(WorldBuilder.defaultAssets());
        plan = Planner.plan(assets, PlanParameters.defaults().withAircraft("sim-quad"));
    }

    private static PatrolDefinition patrol(String... targets) {
        return new PatrolDefinition("p1", "test patrol", PatrolKind.IMMEDIATE, List.of(targets), List.of("forestry"), null, null,
                60, null, false);
    }

    @Test
    void aCellTargetIsTheForestInsideThatCellPlusDocksAndNoFlyZones() {
        GridCell cell = plan.grid().cells().stream().filter(c -> c.id().equals("G50N-769-3365")).findFirst().orElseThrow();
        AssetSet area = PatrolArea.select(patrol("cell:G50N-769-3365"), assets, plan.grid());
        Asset forest = area.byId("forest-changle").orElseThrow();
        assertThat(cell.outline().buffer(1e-7).covers(forest.geometry())).as("clipped to the cell").isTrue();
        double cellShare = forest.geometry().getArea() / cell.outline().getArea();
        assertThat(cellShare).as("the cell is almost all forest").isCloseTo(1.0, within(0.01));
        assertThat(area.docks()).hasSameSizeAs(assets.docks());
        assertThat(area.noFlyZones()).hasSameSizeAs(assets.noFlyZones());
        assertThat(area.ofKind(AssetKind.POWER_LINE)).isEmpty();

        Plan patrolPlan = Planner.plan(area, PlanParameters.defaults().withAircraft("sim-quad"));
        assertThat(patrolPlan.sorties()).as("a 1 km2 cell is a handful of sorties, not the area's %d", plan.sorties().size())
                .hasSizeBetween(1, 8);
    }

    @Test
    void aRiverCellKeepsOneCentreLineInsideTheCell() {
        AssetSet area = PatrolArea.select(patrol("cell:G50N-767-3363"), assets, plan.grid());
        Asset river = area.byId("river-zhongtiao").orElseThrow();
        assertThat(river.geometry().getGeometryType()).isEqualTo("LineString");
        assertThat(river.geometry().getLength()).isLessThan(assets.byId("river-zhongtiao").orElseThrow().geometry().getLength());
        assertThat(river.normalWidthM()).hasValue(40);
    }

    @Test
    void aLineTargetBringsItsTowers() {
        AssetSet area = PatrolArea.select(patrol("line-220kv-jingchang"), assets, plan.grid());
        assertThat(area.towersOf("line-220kv-jingchang")).isNotEmpty().hasSameSizeAs(assets.towersOf("line-220kv-jingchang"));
        assertThat(area.forests()).isEmpty();
    }

    @Test
    void targetsThatMatchNothingAreErrorsNamingPatrolAndTarget() {
        assertThatThrownBy(() -> PatrolArea.select(patrol("forest-nowhere"), assets, plan.grid()))
                .hasMessage("patrol p1: target 'forest-nowhere' matches nothing in the assets");
        assertThatThrownBy(() -> PatrolArea.select(patrol("cell:G50N-1-1"), assets, plan.grid()))
                .hasMessageStartingWith("grid cell 'G50N-1-1' is not in the area's grid (cells are named like G50N-");
        assertThatThrownBy(() -> PatrolArea.select(patrol("kind:lake"), assets, plan.grid()))
                .hasMessageStartingWith("unknown asset kind 'lake' in kind:lake; expected one of forest, river");
    }

    @Test
    void theExampleStationFileAndItsPatrolsReadAndSelect() {
        Path repo = Path.of(System.getProperty("skyshare.repo.dir", ".."));
        StationConfig cfg = StationConfigFile.read(repo.resolve("docs/examples/station-sim.yaml"));
        assertThat(cfg.vehicles()).extracting(StationConfig.VehicleConfig::dock)
                .containsExactly("dock-jingshan-sub", "dock-changle-t18", "dock-shuangxi-t31");
        PatrolPlan patrols = PatrolFile.read(cfg.patrols());
        assertThat(patrols.patrols()).extracting(PatrolDefinition::id)
                .containsExactly("fire-watch-changle", "flood-watch-zhongtiao", "line-patrol-jingchang");
        AssetSet example = AssetReader.read(cfg.assets());
        for (PatrolDefinition p : patrols.patrols()) {
            assertThat(PatrolArea.select(p, example, plan.grid()).size()).as(p.id()).isGreaterThan(assets.docks().size());
        }
    }
}
