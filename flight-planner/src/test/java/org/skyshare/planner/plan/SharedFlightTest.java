package org.skyshare.planner.plan;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFlightTest {
    @Test
    void waypointsOverAnotherAgencysAssetServeBothAndCellsKnowTheirOwner() {
        double x = TestAreas.ORIGIN.x;
        double y = TestAreas.ORIGIN.y;
        Polygon forest = (Polygon) TestAreas.GF.toGeometry(new Envelope(x - 1000, x + 1000, y - 1000, y + 1000));
        var river = TestAreas.GF.createLineString(new Coordinate[] {new Coordinate(x - 1500, y), new Coordinate(x + 1500, y + 100)});
        AssetSet set = AssetSet.of(List.of(
                TestAreas.asset("forest-s", AssetKind.FOREST, forest, Map.of("agency", "forestry")),
                TestAreas.asset("river-s", AssetKind.RIVER, river, Map.of("agency", "water", "normal_width_m", "30")),
                TestAreas.dock("dock-s", x, y - 1200, "sim-dock")));
        Plan plan = Planner.plan(set, PlanParameters.defaults().withCellSize(1000));
        List<Waypoint> all = plan.sorties().stream().flatMap(s -> s.waypoints().stream()).toList();
        assertThat(all).anyMatch(w -> w.assetId().equals("forest-s") && w.agencies().containsAll(List.of("forestry", "water")));
        assertThat(all).anyMatch(w -> w.assetId().equals("river-s") && w.agencies().containsAll(List.of("forestry", "water")));
        assertThat(all).filteredOn(w -> !w.assetId().isEmpty()).allMatch(w -> !w.cellId().isEmpty());
        assertThat(plan.grid().cells()).filteredOn(c -> c.agencies().contains("forestry")).allMatch(c -> c.owner().equals("forestry"));
        assertThat(plan.grid().cells()).anyMatch(c -> c.owner().equals("water") && c.agencies().equals(List.of("water")));
        var cell = plan.grid().cellAt(119.85, 30.4).orElseThrow();
        assertThat(cell.agencies()).containsExactly("forestry", "water");
    }
}
