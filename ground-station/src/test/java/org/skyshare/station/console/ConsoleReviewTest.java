package org.skyshare.station.console;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.station.alert.AlertService;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.console.alerts.AlertServiceQueue;
import org.skyshare.station.console.alerts.ReviewItem;
import org.skyshare.station.console.fleet.FleetView;
import org.skyshare.station.console.live.FrameFeed;
import org.skyshare.station.routing.AssetSetLocator;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.StationDatabase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviews alerts from the station's real alert service (H2 file, default routing rules) with one key each. */
@ExtendWith(ApplicationExtension.class)
class ConsoleReviewTest {
    static {
        HeadlessFx.init();
    }

    @TempDir
    static Path dir;
    private ConsoleShell shell;
    private AlertService service;
    private AlertServiceQueue queue;
    private StationDatabase db;

    @Start
    void start(Stage stage) throws Exception {
        db = StationDatabase.openEmbedded(dir.resolve("data-" + System.nanoTime()));
        Router router = new Router(RoutingRulesFile.defaults(), new AssetSetLocator(AssetReader.read(HeadlessFx.jingshan())));
        service = new AlertService(new AlertStore(db), router, AlertSettings.defaults("test-station"), Clock.systemUTC());
        Path evidence = evidenceImage(dir.resolve("fire.png"));
        Instant t0 = Instant.parse("2026-07-01T05:10:00Z");
        service.report(new HazardReport("fire-001", HazardKind.FIRE, HazardSeverity.SEVERE,
                0.82, new GeoPoint(30.400, 119.800), List.of(), 30, 412.5, evidence, t0, "flame front at the forest edge"));
        service.report(HazardReport.point("hot-002", HazardKind.HOTSPOT, HazardSeverity.MINOR, 0.55, 30.405, 119.795,
                t0.plusSeconds(60)));
        queue = new AlertServiceQueue(service, router);
        shell = ConsoleWindow.show(stage, new ConsoleServices(List.of(HeadlessFx.jingshan()), new FixturePlanner(),
                FleetView.none(), queue, FrameFeed.none(), null, "reviewer-1"));
    }

    @AfterEach
    void close() {
        queue.close();
        db.close();
    }

    private static Path evidenceImage(Path file) throws Exception {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 70, 35));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(255, 140, 0));
        g.fillOval(140, 80, 50, 40);
        g.setColor(new Color(255, 240, 120));
        g.fillOval(155, 92, 20, 16);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void confirmsOneAlertAndDismissesAnotherWithOneKeyEach(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        HeadlessFx.waitFor("alerts tab selected", 5_000, () -> shell.tabs().getSelectionModel().getSelectedIndex() == 3);
        HeadlessFx.waitFor("two incidents awaiting review", 10_000,
                () -> shell.alerts().selected() != null && queue.incidents().stream().filter(ReviewItem::pending).count() == 2);
        // both on the map as incidents
        HeadlessFx.waitFor("incidents on the map", 5_000, () -> shell.map().model().incidents().size() == 2);

        robot.clickOn("#review-queue");
        HeadlessFx.onFx(() -> {
            shell.alerts().select("fire-001");
            return null;
        });
        ReviewItem fire = HeadlessFx.onFx(() -> shell.alerts().selected());
        assertEquals("fire-001", fire.id());
        assertTrue(fire.agencies().contains("forestry"), "a fire in the forest goes to forestry: " + fire.agencies());
        HeadlessFx.waitFor("evidence image shown", 10_000, () -> ((javafx.scene.image.ImageView)
                robot.lookup("#evidence").query()).getImage() != null);
        String thermal = robot.lookup("#fact-thermal").queryAs(javafx.scene.control.Label.class).getText();
        assertEquals("412.5 °C peak", thermal);
        HeadlessFx.waitFor("history loaded", 10_000, () -> robot.lookup("#incident-history")
                .queryListView().getItems().stream().anyMatch(s -> s.toString().contains("awaiting review")));
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-alert-review");

        robot.type(KeyCode.C);
        HeadlessFx.waitFor("fire confirmed in the store", 10_000,
                () -> service.incident("fire-001").orElseThrow().state() != IncidentState.AWAITING_REVIEW);
        assertTrue(List.of(IncidentState.CONFIRMED, IncidentState.DISPATCHED)
                .contains(service.incident("fire-001").orElseThrow().state()));
        assertTrue(service.history("fire-001").stream().anyMatch(e -> "reviewer-1".equals(e.actor())),
                "the decision records the reviewer");

        // the queue moves on to the remaining incident; D dismisses it
        HeadlessFx.waitFor("next incident selected", 10_000,
                () -> shell.alerts().selected() != null && shell.alerts().selected().id().equals("hot-002"));
        robot.type(KeyCode.D);
        HeadlessFx.waitFor("hotspot dismissed in the store", 10_000,
                () -> service.incident("hot-002").orElseThrow().state() == IncidentState.DISMISSED);
        HeadlessFx.waitFor("queue empty", 10_000, () -> queue.incidents().stream().noneMatch(ReviewItem::pending));
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-alert-reviewed");
    }
}
