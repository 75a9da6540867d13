package org.skyshare.planner.plan;

import org.junit.jupiter.api.Test;
import org.skyshare.planner.TestData;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.plan.validate.PlanValidator;

import static org.assertj.core.api.Assertions.assertThat;

class JingshanPlanTest {
    @Test
    void plansTheSampleWithinEveryRule() {
        AssetSet assets = AssetReader.read(TestData.jingshan());
        long t0 = System.nanoTime();
        long[] last = {System.nanoTime()};
        Plan plan = Planner.plan(assets, PlanParameters.defaults(), org.skyshare.profiles.ProfileCatalog.builtIn(), (st, d, t) -> {
            System.out.println(st + " " + d + "/" + t + " +" + (System.nanoTime() - last[0]) / 1_000_000 + " ms");
            last[0] = System.nanoTime();
        });
        System.out.println("plan ms " + (System.nanoTime() - t0) / 1e6);
        System.out.println(plan.stats());
        plan.unplanned().forEach(System.out::println);
        plan.sorties().forEach(s -> System.out.println(s.id() + " " + s.waypoints().size() + " wps " + Math.round(s.flightTimeS()) + " s " + Math.round(s.lengthM()) + " m " + s.agencies()));
        PlanValidator.Report r = PlanValidator.validate(plan);
        r.violations().forEach(System.out::println);
        System.out.println("coverage " + r.coverageRatio());
        assertThat(r.violations()).isEmpty();
        assertThat(r.coverageRatio()).isGreaterThanOrEqualTo(0.99);
        assertThat(plan.aircraft().id()).isEqualTo("dji-m3td");
        assertThat(plan.stats().inspectionPoints()).isGreaterThan(36);
    }
}
