package org.skyshare.planner.plan;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.coverage.Transect;
import org.skyshare.planner.plan.validate.PlanValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan --check} measures each piece against every line flown, not only the piece's own lines. */
class UnionCoverageCheckTest {
    @Test
    void aPieceSeenOnlyByItsNeighboursLinesPasses() {
        double x = TestAreas.ORIGIN.x;
        double y = TestAreas.ORIGIN.y;
        Geometry forest = TestAreas.GF.toGeometry(new Envelope(x - 700, x + 300, y - 200, y + 200));
        AssetSet set = AssetSet.of(List.of(TestAreas.asset("f", AssetKind.FOREST, forest, Map.of()),
                TestAreas.dock("d", x, y - 600, "sim-dock")));
        Plan plan = Planner.plan(set, PlanParameters.defaults().withCellSize(500));
        assertThat(plan.coverage()).hasSizeGreaterThan(1);
        assertThat(PlanValidator.validate(plan).ok()).isTrue();

        // the same lines, all credited to the first piece: the others are still seen, by their neighbour's lines
        List<Transect> all = new ArrayList<>();
        plan.coverage().forEach(ac -> all.addAll(ac.flownTransects()));
        List<AreaCoverage> moved = new ArrayList<>();
        for (int i = 0; i < plan.coverage().size(); i++) {
            AreaCoverage ac = plan.coverage().get(i);
            moved.add(new AreaCoverage(ac.taskId(), ac.assetId(), ac.cellId(), ac.targetLocal(), i == 0 ? all : List.of()));
        }
        Plan same = new Plan(plan.projection(), plan.aircraft(), plan.camera(), plan.altitudeM(), plan.lineSpacingM(), plan.swathWidthM(),
                plan.photoSpacingM(), plan.grid(), plan.sorties(), plan.unplanned(), plan.stats(), plan.repairs(), moved, plan.noFlyZones(),
                plan.noFlyLocal(), plan.docks(), plan.noFlyMarginM(), plan.terrainSource());
        PlanValidator.Report r = PlanValidator.validate(same);
        assertThat(r.violations()).isEmpty();
        assertThat(r.coverageRatio()).isGreaterThanOrEqualTo(0.99);
    }
}
