package org.skyshare.station.crash;

import org.skyshare.station.alert.AlertFixture;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.mqtt.AlertPipeline;
import org.skyshare.station.mqtt.MqttEndpoint;
import org.skyshare.station.mqtt.TestBroker;
import org.skyshare.station.patrol.FireDanger;
import org.skyshare.station.patrol.PatrolDefinition;
import org.skyshare.station.patrol.PatrolFile;
import org.skyshare.station.patrol.PatrolPlan;
import org.skyshare.station.patrol.PatrolSchedule;
import org.skyshare.station.store.AlertStore;
import org.skyshare.station.store.DamagedDatabaseException;
import org.skyshare.station.store.PatrolProgressStore;
import org.skyshare.station.store.StationDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * The station process {@link CrashHarnessTest} kills: the real store, alert pipeline and outbox
 * publisher against the test's broker, and the patrol schedule kept the way {@code PatrolStation}
 * keeps it. Each run resumes from what the store says: it re-reports the last fire it knew under a
 * new detector id (as the tracker names fires anew after a restart), then reports new fires, one
 * per grid cell about 1 km apart, until killed.
 *
 * <p>Arguments: data folder, broker URL, run number, seed, and {@code drain} for the last run, which
 * reports nothing, waits until the broker accepted the whole outbox and exits.
 */
public final class CrashStationMain {
    static final String PATROLS = """
            zone: UTC
            patrols:
              - id: first-look
                kind: immediate
                targets: [forest]
            """;
    static final int GRID = 300;
    static final double CELL_DEG = 0.01;

    private CrashStationMain() {
    }

    static double latOf(int fire) {
        return 30.0 + (fire / GRID) * CELL_DEG;
    }

    static double lonOf(int fire) {
        return 119.0 + (fire % GRID) * CELL_DEG;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int run = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]) * 1_000 + run);
        boolean drain = args.length > 4 && args[4].equals("drain");
        StationDatabase db;
        try {
            db = StationDatabase.openEmbedded(data);
        } catch (DamagedDatabaseException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        PatrolPlan plan = PatrolFile.parse(PATROLS, "patrols.yaml");
        PatrolSchedule schedule = new PatrolSchedule(plan.patrols(), plan.zone());
        PatrolProgressStore progress = new PatrolProgressStore(db);
        schedule.restore(progress.lastStarts());
        for (PatrolDefinition p : schedule.due(Instant.now(), FireDanger.LOW)) {
            Instant now = Instant.now();
            schedule.started(p.id(), now);
            progress.recordRun(p.id(), now, 1);
        }
        MqttEndpoint endpoint = new MqttEndpoint(args[1], "station-st1", "station",
                TestBroker.password("station").toCharArray(), null, null);
        AlertPipeline pipeline = AlertPipeline.start(db, AlertFixture.forestryOnly(),
                AlertSettings.defaults("st1").withAutoConfirm(0.5), endpoint);
        if (drain) {
            boolean drained = pipeline.publisher().awaitDrained(Duration.ofSeconds(120));
            System.out.println(drained ? "DRAINED" : "NOT DRAINED: " + pipeline.publisher().lastError());
            System.out.flush();
            pipeline.close();
            db.close();
            System.exit(drained ? 0 : 4);
            return;
        }
        AlertStore store = pipeline.service().store();
        int next = store.incidentsIn(IncidentState.DISPATCHED).size();
        System.out.println("READY " + next);
        System.out.flush();
        if (next > 0) {
            int last = next - 1; // the same fire, named anew, 22 m from where it was placed
            pipeline.service().report(HazardReport.point("r" + run + "-f" + last, HazardKind.FIRE, HazardSeverity.SEVERE,
                    0.95, latOf(last) + 0.0002, lonOf(last), Instant.now()));
        }
        for (int fire = next; ; fire++) {
            pipeline.service().report(HazardReport.point("r" + run + "-f" + fire, HazardKind.FIRE, HazardSeverity.SEVERE,
                    0.9, latOf(fire), lonOf(fire), Instant.now()));
            // paces the flow like a patrol's sightings, so kills land between reports as well as inside them
            Thread.sleep(random.nextInt(15));
        }
    }
}
