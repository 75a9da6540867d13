package org.skyshare.station.cli;

import org.locationtech.jts.geom.Coordinate;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.frame.FrameSenders;
import org.skyshare.sim.stream.SimFrameSource;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerAccountsFile;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.config.StationConfigFile;
import org.skyshare.station.demo.DemoRun;
import org.skyshare.station.desk.DeskLogins;
import org.skyshare.station.fleet.Dock;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.link.MavsdkVehicleLink;
import org.skyshare.station.mqtt.StationAlerts;
import org.skyshare.station.patrol.PatrolArea;
import org.skyshare.station.receivers.Receivers;
import org.skyshare.station.receivers.ReceiversConfig;
import org.skyshare.station.receivers.ReceiversConfigFile;
import org.skyshare.station.patrol.PatrolFile;
import org.skyshare.station.patrol.PatrolPlan;
import org.skyshare.station.report.PatrolReportWriter;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.service.PatrolStation;
import org.skyshare.vision.flood.WaterSegmenter;
import org.skyshare.vision.pipeline.VisionPipeline;
import org.skyshare.vision.visual.FireSmokeModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code skyshare station --config F}: the headless station service. Reads the station file, plans
 * the area, connects to the docked drones, listens for their camera frames, and runs the patrols,
 * vision and alerts until stopped (Ctrl-C) or for {@code --duration}; writes the patrol report on the
 * way out.
 */
@Command(name = "station", mixinStandardHelpOptions = true,
        description = "Run the headless station service: scheduled patrols, docked drones over MAVLink, vision on their "
                + "frames, alerts over MQTT. Stops on Ctrl-C (or after --duration) and writes the patrol report.")
public class StationCommand implements Callable<Integer> {
    /** Under org.skyshare, which the default logback configuration shows at INFO: the station's sentences and health line. */
    private static final Logger LOG = LoggerFactory.getLogger(StationCommand.class);

    @Option(names = "--config", required = true, description = "the station file (YAML: station, assets, patrols, broker, vehicles)")
    Path config;
    @Option(names = "--broker-users", description = "agency and crew logins for the embedded broker (YAML users: name, role, password)")
    Path brokerUsers;
    @Option(names = "--broker-port", defaultValue = "1883", description = "port of the embedded broker (default ${DEFAULT-VALUE})")
    int brokerPort;
    @Option(names = "--broker-bind", defaultValue = "127.0.0.1", description = "address the embedded broker listens on (default ${DEFAULT-VALUE}; 0.0.0.0 for other hosts)")
    String brokerBind;
    @Option(names = "--thermal-port", defaultValue = "5600",
            description = "UDP port where the drones' radiometric thermal frames arrive (default ${DEFAULT-VALUE}, the simulator's)")
    int thermalPort;
    @Option(names = "--frames-bind", defaultValue = "127.0.0.1",
            description = "address the frame streams listen on (default ${DEFAULT-VALUE}: this machine only; the streams "
                    + "carry no authentication, so each vehicle's frames are taken only from the host of its link)")
    String framesBind;
    @Option(names = "--duration", converter = DemoCommand.DurationConverter.class,
            description = "stop after this long, e.g. 30m (default: run until stopped)")
    Duration duration;
    @Option(names = "--status-every", defaultValue = "60s", converter = DemoCommand.DurationConverter.class,
            description = "how often the health line is logged (default ${DEFAULT-VALUE})")
    Duration statusEvery;
    @Option(names = "--stop-when-idle", description = "stop and write the report once the patrols due have been flown and no sortie waits or flies")
    boolean stopWhenIdle;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StationConfig cfg = StationConfigFile.read(config);
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        AssetSet assets = AssetReader.read(cfg.assets());
        PlanParameters params = cfg.aircraft() == null ? PlanParameters.defaults() : PlanParameters.defaults().withAircraft(cfg.aircraft());
        Plan areaPlan = Planner.plan(assets, params, catalog, (stage, done, total) -> { });
        for (StationConfig.VehicleConfig v : cfg.vehicles()) {
            if (assets.byId(v.dock()).filter(a -> a.kind() == AssetKind.DOCK).isEmpty()) {
                throw new IllegalArgumentException(config + ": vehicle " + v.id() + ": dock '" + v.dock()
                        + "' is not a dock in the assets; docks there: " + assets.docks().stream().map(Asset::id).toList());
            }
        }
        PatrolPlan patrols = PatrolFile.read(cfg.patrols());
        // a patrol naming a target the area lacks fails here, before any drone is touched
        patrols.patrols().forEach(p -> PatrolArea.select(p, assets, areaPlan.grid()));
        BrokerAccounts accounts = brokerUsers == null ? new BrokerAccounts(List.of()) : BrokerAccountsFile.read(brokerUsers);
        Files.createDirectories(cfg.dataDir());
        LOG.info("station {}: {} assets, {} grid cells, {} patrols, {} vehicles", cfg.stationId(), assets.size(),
                areaPlan.grid().cells().size(), patrols.patrols().size(), cfg.vehicles().size());

        ReceiversConfig receiversConfig = ReceiversConfigFile.read(config);
        // declared first, so closed last: a signal's shutdown waits until the database is closed too
        try (OrderlyStop stop = OrderlyStop.onSignal(Duration.ofSeconds(60));
             StationAlerts alerts = StationAlerts.start(cfg, RoutingRulesFile.defaults(), accounts,
                embeddedBroker(cfg), receiversConfig.crewsByAgency());
             Receivers receivers = Receivers.start(receiversConfig, cfg.dataDir(), alerts.pipeline().service(),
                     DeskLogins.agenciesOf(accounts), Clock.systemUTC());
             Fleet fleet = new Fleet();
             SimFrameSource frames = new SimFrameSource(new InetSocketAddress(address("--frames-bind", framesBind), thermalPort),
                     64, frameSenders(cfg));
             VisionPipeline vision = VisionPipeline.builder(catalog)
                     .visual(FireSmokeModel.builtIn())
                     .flood(WaterSegmenter.builtIn(), DemoRun.riverBanks(assets), 10)
                     .evidenceFolder(cfg.dataDir().resolve("evidence")).build()) {
            LOG.info("alerts via {}{}", alerts.brokerUrl(), alerts.embeddedBroker() == null || alerts.embeddedBroker().tlsUrl() == null
                    ? "" : "; agencies over TLS at " + alerts.embeddedBroker().tlsUrl());
            for (Asset d : assets.docks()) {
                Coordinate c = d.geometry().getCoordinate();
                fleet.addDock(new Dock(d.id(), catalog.dock(d.dockProfileId().orElse(Planner.DEFAULT_DOCK_PROFILE)), c.y, c.x));
            }
            // what the drones say and what fails goes to the log, so no launch waits silently
            fleet.onEvent(e -> {
                switch (e.kind()) {
                    case ERROR, LINK_LOST -> LOG.warn("drone-{}: {}", e.systemId(), e.message());
                    case STATUS_TEXT, LINK_RESTORED -> LOG.info("drone-{} says: {}", e.systemId(), e.message());
                    default -> LOG.debug("drone-{}: {}", e.systemId(), e.message());
                }
            });
            for (StationConfig.VehicleConfig v : cfg.vehicles()) {
                URI link = URI.create(v.link());
                if (link.getScheme().equals("mavsdk")) {
                    fleet.addDrone(MavsdkVehicleLink.connect(link.getHost(), link.getPort(), v.systemId()), v.dock());
                } else {
                    fleet.addDrone(v.linkConfig(cfg.dataDir()), v.dock());
                }
                if (v.frames() != null && !v.frames().isBlank()) {
                    // the simulator's layout: the vehicle's RGB MPEG-TS on this port, its frame metadata on the next
                    int video = URI.create(v.frames()).getPort();
                    frames.addRgbStream(video, video + 1, 0.5);
                }
                LOG.info("{} at {} via {}{}", v.id(), v.dock(), v.link(), v.frames() == null ? "" : ", RGB frames on " + v.frames());
            }
            LOG.info("thermal frames on UDP {}:{}, taken only from each vehicle's link host", framesBind, frames.thermalPort());
            try (PatrolStation station = new PatrolStation(cfg.stationId(), assets, areaPlan, params, catalog, patrols, fleet,
                    alerts.pipeline().service(), frames, vision, Clock.systemUTC())) {
                station.onProgress(LOG::info);
                station.start();
                out.println("station " + cfg.stationId() + " running; Ctrl-C stops it and writes the report to " + cfg.dataDir());
                out.flush();
                long endAt = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
                long nextStatusAt = System.nanoTime() + statusEvery.toNanos();
                while (System.nanoTime() < endAt) {
                    long waitNs = Math.min(nextStatusAt, endAt) - System.nanoTime();
                    if (stopWhenIdle) {
                        waitNs = Math.min(waitNs, TimeUnit.SECONDS.toNanos(1));
                    }
                    if (stop.awaitRequest(Math.max(1, waitNs))) {
                        LOG.info("stop requested (signal): stopping in order");
                        break;
                    }
                    if (stopWhenIdle && !station.sortiesFlown().isEmpty() && station.sortiesInFlight() == 0
                            && station.sortiesWaiting() == 0) {
                        LOG.info("every sortie due has been flown; stopping");
                        break;
                    }
                    if (System.nanoTime() < nextStatusAt) {
                        continue;
                    }
                    nextStatusAt = System.nanoTime() + statusEvery.toNanos();
                    var publisher = alerts.pipeline().publisher();
                    LOG.info("health: drones {}, sorties flown {}, in flight {}, waiting {}{}; frames analysed {}; broker {} ({} alerts accepted{})",
                            fleet.snapshot().stream().map(s -> "drone-" + s.systemId() + " " + s.state().name().toLowerCase()
                                    + (s.linkLost() ? " (link lost)" : "")
                                    + (station.launchProblems().containsKey(s.systemId()) ? " (" + station.launchProblems().get(s.systemId()) + ")" : ""))
                                    .toList(),
                            station.sortiesFlown().size(), station.sortiesInFlight(), station.sortiesWaiting(),
                            station.waitReasons().isEmpty() ? "" : " " + station.waitReasons(),
                            station.framesProcessed() + (frames.refusedPackets() == 0 ? ""
                                    : " (" + frames.refusedPackets() + " packets from unknown senders refused)"),
                            publisher.isConnected() ? "connected" : "disconnected",
                            publisher.acceptedCount(), (publisher.lastError() == null ? "" : ", last error: " + publisher.lastError())
                                    + (alerts.embeddedBroker() == null || alerts.embeddedBroker().refusals().total() == 0 ? ""
                                    : "; broker refused " + alerts.embeddedBroker().refusals()));
                }
                station.stopLaunching();
                Path report = PatrolReportWriter.write(station.report(), assets, cfg.dataDir(), "patrol-report");
                out.println("patrol report: " + report.toAbsolutePath());
                out.flush();
            }
        }
        return 0;
    }

    /** Where the embedded broker listens: --broker-bind/--broker-port, and TLS from broker_tls (port, key_store). */
    EmbeddedBroker.Settings embeddedBroker(StationConfig cfg) {
        StationConfig.BrokerTls tls = cfg.brokerTls();
        if (tls == null || !cfg.embeddedBroker()) {
            return EmbeddedBroker.Settings.plain(brokerBind, brokerPort);
        }
        return new EmbeddedBroker.Settings(brokerBind, brokerPort, tls.port(), tls.keyStore(), tls.keyStorePassword());
    }

    /** Each vehicle's frames (stream id = its system id) only from the host of its link. */
    static FrameSenders frameSenders(StationConfig cfg) {
        Map<Integer, Set<InetAddress>> byVehicle = new HashMap<>();
        for (StationConfig.VehicleConfig v : cfg.vehicles()) {
            byVehicle.computeIfAbsent(v.systemId(), k -> new HashSet<>())
                    .add(address("vehicle " + v.id() + " link", URI.create(v.link()).getHost()));
        }
        return FrameSenders.byVehicle(byVehicle);
    }

    private static InetAddress address(String what, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + ": no such host '" + host + "'", e);
        }
    }
}
