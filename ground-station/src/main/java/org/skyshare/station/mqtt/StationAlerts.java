package org.skyshare.station.mqtt;

import org.skyshare.planner.assets.AssetReader;
import org.skyshare.station.alert.AlertSettings;
import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.broker.BrokerAccount;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerRole;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.broker.TopicAcl;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.routing.AssetSetLocator;
import org.skyshare.station.routing.HazardLocator;
import org.skyshare.station.routing.Router;
import org.skyshare.station.routing.RoutingRules;
import org.skyshare.station.store.StationDatabase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The alert side of a station started from its configuration: the database (embedded H2 in
 * {@code data_dir}, or {@code database} as a JDBC URL), the embedded broker when {@code broker} is
 * "embedded", routing over the station's asset files, and the {@link AlertPipeline}.
 * <pre>
 * try (StationAlerts alerts = StationAlerts.start(config, RoutingRulesFile.defaults(), accounts,
 *         EmbeddedBroker.Settings.plain("0.0.0.0", 1883))) {
 *     alerts.pipeline().service().report(hazard);
 * }
 * </pre>
 */
public final class StationAlerts implements AutoCloseable {
    private final EmbeddedBroker broker;
    private final StationDatabase db;
    private final AlertPipeline pipeline;
    private final String brokerUrl;

    private StationAlerts(EmbeddedBroker broker, StationDatabase db, AlertPipeline pipeline, String brokerUrl) {
        this.broker = broker;
        this.db = db;
        this.pipeline = pipeline;
        this.brokerUrl = brokerUrl;
    }

    /**
     * @param accounts       agencies' and crews' logins for the embedded broker (a station login is
     *                       made up when none has the STATION role); ignored for an external broker
     * @param embeddedBroker where the embedded broker listens; ignored for an external broker
     */
    public static StationAlerts start(StationConfig config, RoutingRules rules, BrokerAccounts accounts,
                                      EmbeddedBroker.Settings embeddedBroker) {
        return start(config, rules, accounts, embeddedBroker, java.util.Map.of());
    }

    /** @param crewsByAgency field crews per agency: they get hazard pins and may answer their agency's alerts */
    public static StationAlerts start(StationConfig config, RoutingRules rules, BrokerAccounts accounts,
                                      EmbeddedBroker.Settings embeddedBroker, java.util.Map<String, List<String>> crewsByAgency) {
        AlertSettings settings = AlertSettings.defaults(config.stationId()).withAutoConfirm(config.autoConfirmConfidence())
                .withCrews(crewsByAgency);
        HazardLocator locator = config.assets().isEmpty() ? HazardLocator.NOWHERE
                : new AssetSetLocator(AssetReader.read(config.assets()));
        return start(config, new Router(rules, locator), settings, accounts, embeddedBroker);
    }

    public static StationAlerts start(StationConfig config, Router router, AlertSettings settings,
                                      BrokerAccounts accounts, EmbeddedBroker.Settings embeddedBroker) {
        Path dataDir = config.dataDir();
        StationDatabase db = config.databaseUrl() == null || config.databaseUrl().isBlank()
                ? StationDatabase.openEmbedded(dataDir)
                : StationDatabase.open(config.databaseUrl(), System.getenv().getOrDefault("SKYSHARE_DB_USER", ""),
                System.getenv().getOrDefault("SKYSHARE_DB_PASSWORD", ""), dataDir.resolve("evidence"));
        EmbeddedBroker broker = null;
        try {
            MqttEndpoint endpoint;
            // a broker binds client ids to logins (the embedded one by prefix, Mosquitto by
            // use_username_as_clientid), so the id starts with the station's login
            if (config.embeddedBroker()) {
                List<BrokerAccount> all = new ArrayList<>(accounts.all());
                BrokerAccount station = all.stream().filter(a -> a.role() == BrokerRole.STATION).findFirst()
                        .orElse(null);
                if (station == null) {
                    station = new BrokerAccount("station", UUID.randomUUID().toString(), BrokerRole.STATION);
                    all.add(station);
                }
                broker = EmbeddedBroker.start(embeddedBroker, new BrokerAccounts(all),
                        new TopicAcl(new AlertTopics(config.stationId())));
                endpoint = new MqttEndpoint(broker.url(), station.username() + "-" + config.stationId(), station.username(),
                        station.password().toCharArray(), null, null);
            } else {
                String clientId = (config.brokerUsername() == null ? "skyshare" : config.brokerUsername()) + "-" + config.stationId();
                endpoint = new MqttEndpoint(config.broker(), clientId, config.brokerUsername(),
                        config.brokerPassword() == null ? null : config.brokerPassword().toCharArray(),
                        BrokerTlsContext.socketFactory(config.brokerTls()), null);
            }
            AlertPipeline pipeline = AlertPipeline.start(db, router, settings, endpoint);
            return new StationAlerts(broker, db, pipeline, endpoint.serverUri());
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            db.close();
            throw e;
        }
    }

    public AlertPipeline pipeline() {
        return pipeline;
    }

    public StationDatabase database() {
        return db;
    }

    /** The embedded broker (its refusals, TLS URL), or null with an external broker. */
    public EmbeddedBroker embeddedBroker() {
        return broker;
    }

    /** The broker's URL (the embedded one's, or the configured one). */
    public String brokerUrl() {
        return brokerUrl;
    }

    @Override
    public void close() {
        pipeline.close();
        if (broker != null) {
            broker.close();
        }
        db.close();
    }
}
