package org.skyshare.planner.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.coverage.CoverageOp;
import org.skyshare.planner.coverage.CoverageParameters;
import org.skyshare.planner.coverage.CoverageResult;
import org.skyshare.planner.coverage.validate.CoverageValidator;
import org.skyshare.planner.export.PlanJson;
import org.skyshare.planner.plan.validate.PlanValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties every plan must have, on random convex, concave and holed areas with random no-fly zones. */
class PlanPropertiesTest {

    private static Polygon shape(Random rnd, int shapeClass, double cx, double cy, double r) {
        return switch (shapeClass) {
            case 0 -> TestAreas.convex(rnd, cx, cy, r);
            case 1 -> TestAreas.concave(rnd, cx, cy, r);
            default -> TestAreas.withHoles(rnd, cx, cy, r);
        };
    }

    @Property(tries = 60, seed = "20261123")
    void coverageOpCoversEveryShapeOutsideNoFly(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 2) int shapeClass) {
        Random rnd = new Random(seed);
        Polygon area = shape(rnd, shapeClass, 0, 0, 300 + rnd.nextDouble() * 1500);
        double spacing = 30 + rnd.nextDouble() * 70;
        CoverageParameters p = CoverageParameters.of(spacing, spacing / (1 - 0.2), 40, 100);
        Geometry zone = rnd.nextBoolean() ? TestAreas.convex(rnd, rnd.nextDouble() * 300, rnd.nextDouble() * 300, 80 + rnd.nextDouble() * 200) : null;
        Geometry target = zone == null ? area : OverlayNGRobust.overlay(area, zone, OverlayNG.DIFFERENCE);
        Geometry soft = zone == null ? null : zone.buffer(20);
        CoverageResult r = CoverageOp.cover(target, soft, p);
        if (zone == null) {
            assertThat(CoverageValidator.coverageRatio(target, r.transects(), p.swathWidthM())).isGreaterThanOrEqualTo(0.99);
        }
        // lines may end on the margin's edge but never reach into it
        Geometry inner = zone == null ? null : zone.buffer(19);
        for (var t : r.transects()) {
            assertThat(inner == null || !inner.intersects(TestAreas.GF.createLineString(new Coordinate[] {t.a(), t.b()})))
                    .as("survey line %s enters the no-fly margin", t).isTrue();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs().between(1, 1_000_000_000L);
    }

    @Property(tries = 8, seed = "42")
    void plansKeepEveryRuleAndAreDeterministic(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 2) int shapeClass) {
        Random rnd = new Random(seed);
        double cx = TestAreas.ORIGIN.x;
        double cy = TestAreas.ORIGIN.y;
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Polygon f = shape(rnd, shapeClass, cx + (i == 0 ? -1500 : 1500), cy + rnd.nextDouble() * 800, 600 + rnd.nextDouble() * 900);
            assets.add(TestAreas.asset("forest-" + i, AssetKind.FOREST, f, Map.of("agency", i == 0 ? "forestry" : "forest-farm")));
        }
        assets.add(TestAreas.asset("nofly-a", AssetKind.NO_FLY, TestAreas.convex(rnd, cx - 1500 + rnd.nextDouble() * 400, cy, 150 + rnd.nextDouble() * 250), Map.of()));
        assets.add(TestAreas.asset("nofly-b", AssetKind.NO_FLY, TestAreas.convex(rnd, cx, cy + 300, 100 + rnd.nextDouble() * 200), Map.of()));
        assets.add(TestAreas.dock("dock-w", cx - 2500, cy - 1500, "sim-dock"));
        assets.add(TestAreas.dock("dock-e", cx + 2500, cy - 1500, "sim-dock"));
        AssetSet set = AssetSet.of(assets);
        Plan plan = Planner.plan(set, PlanParameters.defaults().withCellSize(500 + rnd.nextInt(4) * 250));
        PlanValidator.Report report = PlanValidator.validate(plan);
        assertThat(report.violations()).isEmpty();
        assertThat(report.coverageRatio()).isGreaterThanOrEqualTo(0.99);
        assertThat(plan.sorties()).isNotEmpty();
        // whole forests less no-fly zones, against every swath of the plan
        for (Asset f : set.forests()) {
            Geometry local = plan.projection().toLocal(f.geometry());
            for (Asset z : set.noFlyZones()) {
                local = OverlayNGRobust.overlay(local, plan.projection().toLocal(z.geometry()), OverlayNG.DIFFERENCE);
            }
            assertThat(PlanValidator.coverageOf(plan, local)).as("coverage of %s", f.id()).isGreaterThanOrEqualTo(0.99);
        }
        Plan again = Planner.plan(set, PlanParameters.defaults().withCellSize(plan.grid().cellSizeM()));
        assertThat(PlanJson.full(again)).isEqualTo(PlanJson.full(plan));
    }
}
