package org.skyshare.station.routing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetReader;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.station.alert.GeoPoint;
import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTest {
    static AssetSet assets;
    static Router router;
    static AssetSetLocator locator;

    @BeforeAll
    static void load() {
        Path file = Path.of(System.getProperty("skyshare.shared.dir", "/work/shared"), "data/jingshan/jingshan.geojson");
        assets = AssetReader.read(file);
        locator = new AssetSetLocator(assets);
        router = new Router(RoutingRulesFile.defaults(), locator);
    }

    /** Searches a grid over the forest for a point inside it whose distance to the line is in [minM, maxM]. */
    static GeoPoint forestPoint(double minLineM, double maxLineM) {
        Asset forest = assets.byId("forest-changle").orElseThrow();
        Envelope e = forest.geometry().getEnvelopeInternal();
        GeometryFactory gf = new GeometryFactory();
        for (int i = 1; i < 200; i++) {
            for (int j = 1; j < 200; j++) {
                double lon = e.getMinX() + e.getWidth() * i / 200;
                double lat = e.getMinY() + e.getHeight() * j / 200;
                Geometry p = gf.createPoint(new Coordinate(lon, lat));
                if (!forest.geometry().contains(p)) {
                    continue;
                }
                GeoPoint g = new GeoPoint(lat, lon);
                HazardSite site = locator.locate(g);
                double d = site.distanceTo("power_line").orElse(Double.MAX_VALUE);
                if (site.inside("forest") && d >= minLineM && d <= maxLineM) {
                    return g;
                }
            }
        }
        throw new AssertionError("no forest point between " + minLineM + " and " + maxLineM + " m from the line");
    }

    static HazardReport fire(GeoPoint p, HazardSeverity s) {
        return HazardReport.point("f1", HazardKind.FIRE, s, 0.95, p.latDeg(), p.lonDeg(), Instant.EPOCH);
    }

    @Test
    void fireInsideForestGoesToForestryEmergencyAndForestFarmOnly() {
        GeoPoint deep = forestPoint(1000, 1e9);
        RoutingDecision d = router.route(fire(deep, HazardSeverity.SEVERE));
        assertThat(d.agencies()).containsExactlyInAnyOrder("forestry", "emergency", "forest-farm");
        assertThat(d.rules()).containsExactly("fire-in-forest");
    }

    @Test
    void fireInForestNearTheLineAlsoGoesToPower() {
        GeoPoint near = forestPoint(0, 150);
        RoutingDecision d = router.route(fire(near, HazardSeverity.SEVERE));
        assertThat(d.agencies()).containsExactlyInAnyOrder("forestry", "emergency", "forest-farm", "power");
    }

    @Test
    void fireJustBeyondTwoHundredMetresOfTheLineDoesNotGoToPower() {
        GeoPoint p = forestPoint(230, 400);
        assertThat(router.route(fire(p, HazardSeverity.SEVERE)).agencies()).doesNotContain("power");
    }

    @Test
    void floodBeyondTheRiverBanksGoesToWaterAndEmergency() {
        Asset river = assets.byId("river-zhongtiao").orElseThrow();
        Coordinate c = river.geometry().getCoordinates()[10];
        // 0.003 deg of latitude is about 330 m: beyond the 40 m wide creek's banks
        GeoPoint beyond = new GeoPoint(c.y + 0.003, c.x);
        HazardReport flood = HazardReport.point("w1", HazardKind.FLOOD, HazardSeverity.SEVERE, 0.9,
                beyond.latDeg(), beyond.lonDeg(), Instant.EPOCH);
        HazardSite site = locator.locate(beyond);
        assertThat(site.inside("river")).isFalse();
        assertThat(router.route(flood).agencies()).containsExactlyInAnyOrder("water", "emergency");

        GeoPoint onTheWater = new GeoPoint(c.y, c.x);
        assertThat(locator.locate(onTheWater).inside("river")).isTrue();
        HazardReport inBanks = HazardReport.point("w2", HazardKind.FLOOD, HazardSeverity.SEVERE, 0.9,
                c.y, c.x, Instant.EPOCH);
        assertThat(router.route(inBanks).agencies()).isEmpty();
    }

    @Test
    void minorMattersStayInTheGridCell() {
        GeoPoint deep = forestPoint(1000, 1e9);
        assertThat(router.route(fire(deep, HazardSeverity.MINOR)).agencies()).contains("grid");
    }

    @Test
    void editedRulesFileIsUsed() {
        RoutingRules rules = RoutingRulesFile.parse("rules.yaml", """
                agencies: [forestry, water]
                rules:
                  - name: all-fires
                    kinds: [fire]
                    agencies: [water]
                """);
        Router r = new Router(rules, locator);
        assertThat(r.route(fire(forestPoint(1000, 1e9), HazardSeverity.SEVERE)).agencies()).containsExactly("water");
    }

    @Test
    void badRulesNameFileLineAndField() {
        assertThatThrownBy(() -> RoutingRulesFile.parse("rules.yaml", """
                agencies: [forestry, water]
                rules:
                  - name: r1
                    kinds: [fire]
                    agencies: [police]
                """)).hasMessageContaining("rules.yaml:5").hasMessageContaining("rules[0].agencies[0]")
                .hasMessageContaining("police");
        assertThatThrownBy(() -> RoutingRulesFile.parse("rules.yaml", """
                agencies: [forestry]
                rules:
                  - name: r1
                    kinds: [lava]
                    agencies: [forestry]
                """)).hasMessageContaining("rules.yaml:4").hasMessageContaining("lava");
        assertThatThrownBy(() -> RoutingRulesFile.parse("rules.yaml", """
                agencies: [forestry]
                rules:
                  - name: r1
                    colour: red
                    agencies: [forestry]
                """)).hasMessageContaining("rules.yaml:4").hasMessageContaining("colour");
        assertThatThrownBy(() -> RoutingRulesFile.parse("rules.yaml", """
                agencies: [forestry]
                rules:
                  - name: r1
                    within_m: {power_line: -5}
                    agencies: [forestry]
                """)).hasMessageContaining("within_m.power_line");
    }
}
