package org.skyshare.station.console;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.console.alerts.AlertQueue;
import org.skyshare.station.console.fleet.DockStatus;
import org.skyshare.station.console.fleet.DroneStatus;
import org.skyshare.station.console.fleet.FleetAction;
import org.skyshare.station.console.fleet.FleetView;
import org.skyshare.station.console.live.FrameFeed;
import org.skyshare.station.console.live.LiveFrames;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.detect.DetectionKind;
import org.skyshare.vision.detect.PixelBox;
import org.skyshare.vision.detect.Sensor;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.frame.ThermalImage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plan, fleet and live panels against stand-in services (the real ones are tested in their own packages). */
@ExtendWith(ApplicationExtension.class)
class ConsolePanelsTest {
    static {
        HeadlessFx.init();
    }

    @TempDir
    Path dir;
    private ConsoleShell shell;
    private final FixturePlanner planner = new FixturePlanner();
    private final RecordingFleet fleet = new RecordingFleet();

    @Start
    void start(Stage stage) {
        shell = ConsoleWindow.show(stage, new ConsoleServices(List.of(HeadlessFx.jingshan()), planner, fleet,
                AlertQueue.none(), new OneFrameFeed(), null, "tester"));
    }

    @Test
    void plansTheSampleShowsSortiesOnTheMapAndExports(FxRobot robot) throws Exception {
        HeadlessFx.waitFor("assets loaded", 10_000, () -> shell.map().model().features().size() == 45);
        HeadlessFx.waitFor("docks listed", 5_000, () -> robot.lookup(".check-box").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.CheckBox c && "dock-changle-t18".equals(c.getText())));
        robot.clickOn("dock-shuangxi-t31"); // leave that dock out
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        HeadlessFx.waitFor("plan shown", 10_000, () -> shell.plan().current() != null);
        assertEquals(1, planner.plans);
        assertEquals(2, HeadlessFx.onFx(() -> shell.map().model().routes().size()), "one sortie per chosen dock");
        assertEquals(2, robot.lookup("#sorties").queryTableView().getItems().size());
        assertEquals("2", robot.lookup("#total-sorties").queryAs(javafx.scene.control.Label.class).getText());
        robot.clickOn("S1");
        HeadlessFx.waitFor("route highlighted", 5_000, () -> "S1".equals(shell.map().model().highlightedRoute()));
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-plan");

        Path out = dir.resolve("export");
        HeadlessFx.onFx(() -> {
            shell.plan().exportTo(out);
            return null;
        });
        HeadlessFx.waitFor("plan exported", 10_000, () -> Files.exists(out.resolve("plan.json")));
        HeadlessFx.waitFor("status says exported", 5_000, () -> shell.work().messageProperty().get().startsWith("Exported 1 files"));
    }

    @Test
    void fleetActionsAskBeforeDangerousOnes(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        HeadlessFx.waitFor("drones listed", 5_000, () -> robot.lookup("#drones").queryTableView().getItems().size() == 2);
        HeadlessFx.waitFor("drones on the map", 5_000, () -> shell.map().model().drones().size() == 2);
        assertEquals("Changle fire patrol", ((org.skyshare.station.console.fleet.PatrolEntry)
                robot.lookup("#patrols").queryTableView().getItems().get(0)).name());
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-fleet");
        List<String> asked = new ArrayList<>();
        HeadlessFx.onFx(() -> {
            shell.fleet().setConfirmer(q -> {
                asked.add(q);
                return false;
            });
            return null;
        });
        robot.clickOn("drone-2");
        HeadlessFx.waitFor("drone selected", 5_000, () -> "drone-2".equals(shell.map().model().selectedDrone()));
        robot.clickOn("#action-pause");
        HeadlessFx.waitFor("pause sent", 5_000, () -> fleet.sent.contains("drone-2:PAUSE"));
        assertTrue(asked.isEmpty(), "pause needs no confirmation");
        robot.clickOn("#action-land");
        HeadlessFx.waitFor("land asked", 5_000, () -> asked.size() == 1);
        assertTrue(asked.get(0).contains("drone-2"), asked.get(0));
        assertTrue(fleet.sent.stream().noneMatch(s -> s.endsWith("LAND")), "declined: not sent " + fleet.sent);
        HeadlessFx.onFx(() -> {
            shell.fleet().setConfirmer(q -> true);
            return null;
        });
        robot.clickOn("#action-land");
        HeadlessFx.waitFor("land sent once confirmed", 5_000, () -> fleet.sent.contains("drone-2:LAND"));
        HeadlessFx.waitFor("status reports the answer", 5_000,
                () -> shell.work().messageProperty().get().equals("Land here on drone-2: accepted"));

        // live view follows the selected drone; temperature under the cursor on the thermal frame
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        HeadlessFx.waitFor("thermal frame shown", 5_000, () -> HeadlessFx.onFx(() -> shell.live().readTemperature(1, 1)) != null);
        var thermalView = robot.lookup("#live-panel").queryAs(javafx.scene.layout.VBox.class).getChildren().get(4);
        javafx.geometry.Bounds b = thermalView.localToScreen(thermalView.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()));
        HeadlessFx.waitFor("hot spot reading", 5_000, () -> shell.live().reading().endsWith("°C"));
        String reading = HeadlessFx.onFx(() -> shell.live().reading());
        assertTrue(reading.matches("x 3[0-9], y 2[0-9]: 4\\d\\d\\.\\d °C"), "centre of the frame is the fire: " + reading);
        HeadlessFx.screenshot(shell.getScene().getRoot(), "console-live");
    }

    /** Two drones; records the commands it receives. */
    static final class RecordingFleet implements FleetView {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public List<DockStatus> docks() {
            return List.of(new DockStatus("dock-changle-t18", "ready", 30.4087, 119.7918, ""),
                    new DockStatus("dock-jingshan-sub", "charging", 30.392, 119.83, "drone charging, 12 min"));
        }

        @Override
        public List<DroneStatus> drones() {
            return List.of(
                    new DroneStatus("drone-1", "dock-jingshan-sub", "docked", 30.392, 119.83, 0, 0, 64, 100, Double.NaN, null),
                    new DroneStatus("drone-2", "dock-changle-t18", "on_mission", 30.401, 119.801, 120, 135, 71, 96, 42, "S1"));
        }

        @Override
        public List<org.skyshare.station.console.fleet.PatrolEntry> patrols() {
            return List.of(new org.skyshare.station.console.fleet.PatrolEntry("fire-changle", "Changle fire patrol", "timed",
                    List.of("forestry", "forest-farm"), "2h, less in fire danger", "all day"));
        }

        @Override
        public CompletionStage<String> command(String droneId, FleetAction action) {
            sent.add(droneId + ":" + action);
            return CompletableFuture.completedFuture("accepted");
        }
    }

    /** A 64x48 thermal frame with a 420 °C spot in the middle and one detection on it, plus an RGB frame. */
    static final class OneFrameFeed implements FrameFeed {
        private final LiveFrames frames;

        OneFrameFeed() {
            int w = 64;
            int h = 48;
            float[] t = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - 32, y - 24);
                    t[y * w + x] = (float) (d < 6 ? 420 - d : 22 + 0.05 * x);
                }
            }
            Instant now = Instant.parse("2026-07-01T05:10:00Z");
            Frame thermal = Frame.thermal(7, now, 0, "sim-thermal", null, new ThermalImage(w, h, t));
            BufferedImage rgb = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 128; x++) {
                    rgb.setRGB(x, y, Math.hypot(x - 64, y - 48) < 10 ? 0xff8c00 : 0x2f5a2a);
                }
            }
            Frame visual = Frame.visual(7, now, 0, "sim-rgb", null, rgb);
            Detection fire = new Detection(DetectionKind.FIRE, 0.9, new PixelBox(26, 18, 12, 12), 420, 300, null,
                    Double.NaN, Sensor.THERMAL, 7, now, "sim-thermal");
            frames = new LiveFrames(visual, thermal, List.of(fire));
        }

        @Override
        public Optional<LiveFrames> latest(String droneId) {
            return "drone-2".equals(droneId) ? Optional.of(frames) : Optional.empty();
        }
    }
}
