package org.skyshare.station.cli;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.station.console.ConsoleServices;
import org.skyshare.station.console.ConsoleWindow;
import org.skyshare.station.console.FxLauncher;
import org.skyshare.station.console.live.LatestFrames;
import org.skyshare.station.demo.DemoRun;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.mqtt.StationAlerts;
import org.skyshare.station.routing.AssetSetLocator;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRulesFile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Opens the operator console on the demo's live fleet and alerts; returns when the window closes. */
final class DemoConsole {
    private DemoConsole() {
    }

    static void open(DemoRun run, PrintWriter con) throws InterruptedException {
        Path assetsFile = run.assetsFile();
        Fleet fleet = run.fleet();
        StationAlerts alerts = run.alerts();
        FxLauncher.start("skyshare demo");
        Router router = new Router(RoutingRulesFile.defaults(), new AssetSetLocator(AssetReader.read(assetsFile)));
        // the console's Upload/Start act on the sortie the patrol station gave the drone last
        ConsoleServices services = ConsoleServices.forStation(List.of(assetsFile), fleet,
                droneId -> fleet.drone(Integer.parseInt(droneId.substring(droneId.lastIndexOf('-') + 1))).sortie(),
                alerts.pipeline().service(), router, new LatestFrames(), null, "operator");
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> ConsoleWindow.show(new Stage(), services, closed::countDown));
        con.println("console open; the patrol runs until you close it");
        con.flush();
        closed.await();
    }
}
