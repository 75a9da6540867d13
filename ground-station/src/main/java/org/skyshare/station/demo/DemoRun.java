package org.skyshare.station.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.stream.SimCameras;
import org.skyshare.sim.stream.SimFrameSource;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.sim.world.World;
import org.skyshare.sim.world.WorldBuilder;
import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.fleet.Dock;
import org.skyshare.station.fleet.Fleet;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.desk.DeskLogins;
import org.skyshare.station.mqtt.StationAlerts;
import org.skyshare.station.receivers.Receivers;
import org.skyshare.station.receivers.ReceiversConfig;
import org.skyshare.station.patrol.PatrolFile;
import org.skyshare.station.patrol.PatrolPlan;
import org.skyshare.station.routing.RoutingRulesFile;
import org.skyshare.station.service.PatrolStation;
import org.skyshare.vision.flood.WaterSegmenter;
import org.skyshare.vision.pipeline.VisionPipeline;
import org.skyshare.vision.visual.FireSmokeModel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's whole set-up, started and closed as one: the Jingshan sample planned for the
 * simulated aircraft, three simulated docked drones on MAVLink/UDP, their camera streams of the demo
 * world (a fire, a hot roof, a flooded creek), the embedded MQTT broker and database, vision and the
 * patrol station flying the demo patrols. The demo command and its end-to-end test both run this.
 */
public final class DemoRun implements AutoCloseable {
    public static final String STATION_ID = "jingshan-demo";
    public static final List<String> AGENCIES = List.of("forestry", "water", "emergency", "power", "forest-farm", "grid");

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Path assetsFile;
    private final AssetSet assets;
    private final Plan plan;
    private final World world;
    private final SimFleet sim;
    private final StationAlerts alerts;
    private final Fleet fleet;
    private final SimFrameSource frames;
    private final PatrolStation station;
    private final Receivers receivers;

    /** A broker (a URL, or "embedded") and the station's login on it. */
    public record BrokerLogin(String url, String username, String password) {
    }

    /**
     * @param out        where the database, evidence images and report go
     * @param timeFactor simulated seconds per real second
     * @param seed       seed of the simulated wind gusts
     * @param log        lines a person reads as the set-up proceeds
     */
    public DemoRun(Path out, double timeFactor, long seed, Consumer<String> log) throws IOException {
        this(out, timeFactor, seed, null, log);
    }

    /**
     * @param broker an external broker (agencies' logins are its business), or null for the
     *               embedded one with a login per agency
     */
    public DemoRun(Path out, double timeFactor, long seed, BrokerLogin broker, Consumer<String> log) throws IOException {
        if (!(timeFactor > 0 && timeFactor <= 100)) {
            throw new IllegalArgumentException("time factor must be above 0 and at most 100, got " + timeFactor);
        }
        try {
            assetsFile = WorldBuilder.defaultAssets();
            ProfileCatalog catalog = ProfileCatalog.builtIn();
            Files.createDirectories(out);
            assets = AssetReader.read(assetsFile);
            PlanParameters planParameters = PlanParameters.defaults().withAircraft("sim-quad");
            plan = Planner.plan(assets, planParameters);
            log.accept(String.format("Jingshan sample %s: %d assets, %d grid cells", assetsFile, assets.size(), plan.grid().cells().size()));
            world = WorldBuilder.demo(assetsFile);

            String stationPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            List<BrokerAccount> accounts = new ArrayList<>();
            accounts.add(new BrokerAccount("station", stationPassword, BrokerRole.STATION));
            for (String agency : AGENCIES) {
                accounts.add(new BrokerAccount(agency, agencyPassword(agency), BrokerRole.AGENCY));
                // one field crew per agency: it gets the hazard pins and answers on the way / on site / resolved
                accounts.add(new BrokerAccount(crewOf(agency), agencyPassword(crewOf(agency)), BrokerRole.CREW));
            }
            BrokerLogin login = broker != null ? broker : new BrokerLogin("embedded", "station", stationPassword);
            StationConfig config = new StationConfig(STATION_ID, List.of(assetsFile), "sim-quad", null, login.url(),
                    login.username(), login.password(), "", out.toAbsolutePath(), 0.8, List.of());

            // every demo run is a new simulated world: the previous run's database (patrols flown,
            // incidents open) is kept aside, so this run neither resumes nor updates it
            Path earlier = out.resolve("earlier-runs").resolve(java.time.format.DateTimeFormatter
                    .ofPattern("uuuuMMdd-HHmmss-SSS").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
            if (new org.skyshare.station.store.EmbeddedDatabaseFile(out).setAsideInto(earlier)) {
                log.accept("the previous demo run's database is kept in " + earlier);
            }
            sim = open(SimFleet.start(SimFleet.jingshanConfigs(3, VehicleDefaults.simQuad().withTimeFactor(timeFactor).withSeed(seed)),
                    InetAddress.getLoopbackAddress(), 0));
            List<ReceiversConfig.CrewConfig> crews = AGENCIES.stream().map(a -> new ReceiversConfig.CrewConfig(crewOf(a), a,
                    null, false, null, null, null, null, null)).toList();
            ReceiversConfig receiversConfig = new ReceiversConfig(new ReceiversConfig.EvidenceServerConfig("127.0.0.1",
                    freePort(), null, null, null, null, null, Duration.ofHours(48)), crews);
            alerts = open(StationAlerts.start(config, RoutingRulesFile.defaults(), new BrokerAccounts(accounts),
                    EmbeddedBroker.Settings.plain("127.0.0.1", freePort()), receiversConfig.crewsByAgency()));
            receivers = open(Receivers.start(receiversConfig, out, alerts.pipeline().service(),
                    DeskLogins.agenciesOf(new BrokerAccounts(accounts)), Clock.systemUTC()));
            log.accept(String.format("evidence and the agency desk over HTTPS on https://localhost:%d/desk/ (agency logins: "
                    + "<agency> / <agency>-demo; self-signed certificate in %s)", receivers.evidencePort(), out.resolve("tls")));
            fleet = open(new Fleet());
            // thermal often enough that every spot is in two frames at this speed (the thermal
            // footprint is 77 m along the track at the survey height); RGB, which costs a render, a
            // video encode and two models per frame, less often
            SimCameras.Plan cameraPlan = new SimCameras.Plan(InetAddress.getLoopbackAddress(), freePort(), freePort(),
                    Math.min(5, 0.25 * timeFactor), Math.min(2, 0.1 * timeFactor));
            open(SimCameras.start(world, sim.vehicles(), cameraPlan));
            frames = open(SimCameras.receiver(cameraPlan, sim.vehicles().size(), 64));
            VisionPipeline vision = open(VisionPipeline.builder(catalog)
                    .visual(FireSmokeModel.builtIn())
                    .flood(WaterSegmenter.builtIn(), riverBanks(assets), 10)
                    .evidenceFolder(out.resolve("evidence")).build());
            for (Asset d : assets.docks()) {
                Coordinate c = d.geometry().getCoordinate();
                fleet.addDock(new Dock(d.id(), catalog.dock("sim-dock"), c.y, c.x));
            }
            for (SimVehicle v : sim.vehicles()) {
                String dockId = nearestDock(assets, v.state().latDeg(), v.state().lonDeg());
                fleet.addDrone(LinkConfig.udp("127.0.0.1", v.udpPort(), v.systemId()), dockId);
                log.accept(String.format("drone-%d at %s, MAVLink on udp://127.0.0.1:%d", v.systemId(), dockId, v.udpPort()));
            }
            log.accept(broker == null
                    ? String.format("alerts on the embedded broker %s (agency logins: <agency> / <agency>-demo)", alerts.brokerUrl())
                    : "alerts on the broker " + alerts.brokerUrl());
            PatrolPlan patrols = PatrolFile.parse(resource("patrols.yaml"), "demo patrols");
            station = open(new PatrolStation(STATION_ID, assets, plan, planParameters, catalog, patrols, fleet,
                    alerts.pipeline().service(), frames, vision, Clock.systemUTC()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    /** The demo's field crew of an agency. */
    public static String crewOf(String agency) {
        return "crew-" + agency;
    }

    /** The evidence server and TAK feeds. */
    public Receivers receivers() {
        return receivers;
    }

    public static String agencyPassword(String agency) {
        return agency + "-demo";
    }

    public void start() {
        station.start();
    }

    public PatrolStation station() {
        return station;
    }

    public StationAlerts alerts() {
        return alerts;
    }

    public Fleet fleet() {
        return fleet;
    }

    public SimFleet simulator() {
        return sim;
    }

    public SimFrameSource frames() {
        return frames;
    }

    public World world() {
        return world;
    }

    public AssetSet assets() {
        return assets;
    }

    public Path assetsFile() {
        return assetsFile;
    }

    public Plan plan() {
        return plan;
    }

    public String brokerUrl() {
        return alerts.brokerUrl();
    }

    /** The rivers' normal extent (centre line buffered by half the normal width), WGS84. */
    public static Geometry riverBanks(AssetSet assets) {
        LocalProjection proj = LocalProjection.forArea(assets.bounds());
        Geometry all = null;
        for (Asset r : assets.rivers()) {
            Geometry local = proj.toLocal(r.geometry());
            Geometry banks = r.geometry().getDimension() == 2 ? local : local.buffer(r.normalWidthM().orElse(20.0) / 2);
            all = all == null ? banks : all.union(banks);
        }
        return all == null ? null : proj.toWgs84(all);
    }

    static String nearestDock(AssetSet assets, double lat, double lon) {
        return assets.docks().stream().min(Comparator.comparingDouble(d -> {
            Coordinate c = d.geometry().getCoordinate();
            return Math.hypot((c.x - lon) * Math.cos(Math.toRadians(lat)), c.y - lat);
        })).map(Asset::id).orElseThrow(() -> new IllegalStateException("the sample area has no dock"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DemoRun.class.getResourceAsStream("/org/skyshare/station/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Closes in reverse order of opening: the station first, the simulator last. */
    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // keep closing the rest; a demo that fails to stop one part must still free the others
            }
        }
        opened.clear();
    }
}
