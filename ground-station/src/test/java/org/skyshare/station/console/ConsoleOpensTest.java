package org.skyshare.station.console;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyshare.station.console.alerts.AlertQueue;
import org.skyshare.station.console.fleet.FleetView;
import org.skyshare.station.console.live.FrameFeed;
import org.skyshare.station.console.map.FeatureKind;
import org.skyshare.station.console.plan.PlanView;
import org.skyshare.station.console.plan.PlannerAdapter;
import org.junit.jupiter.api.io.TempDir;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ConsoleOpensTest {
    static {
        HeadlessFx.init();
    }

    private ConsoleShell shell;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        shell = ConsoleWindow.show(stage, new ConsoleServices(List.of(HeadlessFx.jingshan()), PlannerAdapter.withDefaults(),
                FleetView.none(), AlertQueue.none(), FrameFeed.none(), null, "tester"));
    }

    @Test
    void opensWithTheJingshanSampleOnTheMap(FxRobot robot) {
        HeadlessFx.waitFor("Jingshan assets on the map", 10_000, () -> shell.map().model().features().size() == 45);
        var kinds = HeadlessFx.onFx(() -> shell.map().model().features().stream().map(f -> f.kind()).distinct().toList());
        assertTrue(kinds.containsAll(List.of(FeatureKind.FOREST, FeatureKind.RIVER, FeatureKind.POWER_LINE,
                FeatureKind.TOWER, FeatureKind.DOCK, FeatureKind.NO_FLY)), "kinds: " + kinds);
        // the map fitted the sample: its centre lies inside the sample's box
        HeadlessFx.waitFor("map fitted to the sample", 5_000, () -> shell.map().model().featureBounds()
                .contains(shell.map().viewport().centerX(), shell.map().viewport().centerY()));
        long before = HeadlessFx.onFx(() -> shell.map().redrawCount());
        robot.moveTo(shell.map());
        robot.scroll(2);
        HeadlessFx.waitFor("map redrawn after zoom", 5_000, () -> shell.map().redrawCount() > before);
        String cursor = HeadlessFx.onFx(() -> shell.map().cursorPositionProperty().get());
        assertTrue(cursor.matches("30\\.\\d{5}° N, 119\\.\\d{5}° E"), "cursor shows coordinates: " + cursor);
        Path shot = HeadlessFx.screenshot(shell.getScene().getRoot(), "console-jingshan");
        assertTrue(Files.exists(shot));
        assertEquals(4, shell.tabs().getTabs().size());
    }

    @Test
    void plansTheJingshanSampleWithTheFlightPlannerAndExportsIt(FxRobot robot) {
        HeadlessFx.waitFor("Jingshan assets on the map", 10_000, () -> shell.map().model().features().size() == 45);
        HeadlessFx.waitFor("docks listed", 5_000, () -> robot.lookup("dock-changle-t18").tryQuery().isPresent());
        robot.clickOn("#plan");
        HeadlessFx.waitFor("plan shown", 60_000, () -> shell.plan().current() != null);
        PlanView plan = HeadlessFx.onFx(() -> shell.plan().current());
        assertTrue(plan.sorties().size() >= 3, "at least one sortie per dock: " + plan.sorties().size());
        assertTrue(plan.sorties().stream().allMatch(s -> List.of("dock-jingshan-sub", "dock-changle-t18", "dock-shuangxi-t31")
                .contains(s.dockId())), "sorties fly from the sample's docks");
        assertTrue(plan.totals().inspectionPoints() >= 36, "the 36 towers are inspected: " + plan.totals().inspectionPoints());
        assertEquals(plan.sorties().size(), (int) HeadlessFx.onFx(() -> shell.map().model().routes().size()));
        assertTrue(HeadlessFx.onFx(() -> shell.map().model().cells().size()) > 0, "grid cells on the map");
        assertEquals(plan.sorties().size(), robot.lookup("#sorties").queryTableView().getItems().size());
        // the table's items are set before its skin has laid out the rows (a CI run looked too soon)
        HeadlessFx.waitFor("sortie rows shown", 10_000, () -> robot.lookup("#sorties .table-row-cell").tryQuery().isPresent());
        robot.clickOn((javafx.scene.Node) robot.lookup("#sorties .table-row-cell").query());
        HeadlessFx.waitFor("route highlighted", 5_000, () -> shell.map().model().highlightedRoute() != null);
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-jingshan-plan");

        Path out = dir.resolve("plan-out");
        HeadlessFx.onFx(() -> {
            shell.plan().exportTo(out);
            return null;
        });
        HeadlessFx.waitFor("plan exported", 30_000, () -> Files.exists(out.resolve("plan.json")));
        HeadlessFx.waitFor("status says exported", 10_000, () -> shell.work().messageProperty().get().startsWith("Exported "));
        assertTrue(Files.exists(out.resolve("plan.kml")) && Files.exists(out.resolve("plan.geojson")));
    }
}
