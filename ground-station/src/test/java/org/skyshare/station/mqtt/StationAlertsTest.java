package org.skyshare.station.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;
import org.skyshare.station.alert.IncidentState;
import org.skyshare.station.broker.EmbeddedBroker;
import org.skyshare.station.config.StationConfig;
import org.skyshare.station.routing.RoutingRulesFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A station's alerts started from its configuration: embedded broker, H2 in data_dir, routing over its asset files. */
class StationAlertsTest {
    @TempDir
    Path dir;

    @Test
    void configuredStationRoutesOverItsAssetsAndDeliversThroughItsEmbeddedBroker() throws Exception {
        Path assets = Path.of(System.getProperty("skyshare.shared.dir", "/work/shared"), "data/jingshan/jingshan.geojson");
        StationConfig config = new StationConfig("st1", List.of(assets), null, null, "embedded", null, null, "",
                dir.resolve("data"), 0.9, List.of());
        int port = Ports.free();
        try (StationAlerts alerts = StationAlerts.start(config, RoutingRulesFile.defaults(), TestBroker.ACCOUNTS,
                EmbeddedBroker.Settings.plain("127.0.0.1", port));
             TestSubscriber farm = new TestSubscriber(alerts.brokerUrl(), "forest-farm", TestBroker.password("forest-farm"),
                     false, TestBroker.TOPICS.alerts("forest-farm"))) {
            assertThat(alerts.brokerUrl()).isEqualTo("tcp://127.0.0.1:" + port);
            Point inside = AssetReader.read(assets).byId("forest-shuangxi").orElseThrow().geometry().getInteriorPoint();
            alerts.pipeline().service().report(HazardReport.point("fire-1", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95,
                    inside.getY(), inside.getX(), Instant.now()));
            assertThat(alerts.pipeline().service().incident("fire-1").orElseThrow().state()).isEqualTo(IncidentState.DISPATCHED);
            assertThat(farm.awaitCapIds(1, Duration.ofSeconds(30))).isTrue();
            assertThat(farm.capIds).containsKey("st1.fire-1.forest-farm.r0");
        }
        assertThat(dir.resolve("data/skyshare.db")).exists();
    }
}
