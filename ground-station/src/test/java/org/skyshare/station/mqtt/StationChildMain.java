package org.skyshare.station.mqtt;

import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.store.StationDatabase;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A station in its own JVM for {@link StationKillTest}: raises alerts with its broker unreachable,
 * says how many messages wait in the outbox, then waits to be killed.
 * Arguments: data folder, broker URL, number of alerts.
 */
public final class StationChildMain {
    private StationChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int n = Integer.parseInt(args[2]);
        StationDatabase db = StationDatabase.openEmbedded(data);
        MqttEndpoint endpoint = new MqttEndpoint(args[1], "station-st1", "station",
                TestBroker.password("station").toCharArray(), null, null);
        AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                AlertSettings.defaults("st1").withAutoConfirm(0.5), endpoint);
        for (int i = 0; i < n; i++) {
            pipeline.service().report(HazardReport.point("killed-" + i, HazardKind.FIRE, HazardSeverity.SEVERE, 0.9,
                    30.35, 119.75, Instant.now()));
        }
        System.out.println("QUEUED " + pipeline.service().store().countPending());
        System.out.flush();
        System.in.read();
    }
}
