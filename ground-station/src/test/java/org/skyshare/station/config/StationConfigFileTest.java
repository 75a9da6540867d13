package org.skyshare.station.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Files.writeString(dir.resolve("area.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Files.writeString(dir.resolve("patrols.yaml"), "patrols: []");
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String GOOD = """
            station: jingshan-01
            assets: [area.geojson]
            patrols: patrols.yaml
            broker: tcp://127.0.0.1:1883
            vehicles:
              - {id: drone-1, dock: dock-a, link: "udp://127.0.0.1:14540", frames: "udp://127.0.0.1:15600"}
              - {id: drone-2, dock: dock-b, link: "mavsdk://127.0.0.1:50051"}
            """;

    @Test
    void readsAndResolvesPathsAgainstTheFile() throws Exception {
        StationConfig c = StationConfigFile.read(write(GOOD));
        assertThat(c.stationId()).isEqualTo("jingshan-01");
        assertThat(c.assets()).containsExactly(dir.resolve("area.geojson"));
        assertThat(c.dataDir()).isEqualTo(dir.resolve("station-data"));
        assertThat(c.embeddedBroker()).isFalse();
        assertThat(c.autoConfirmConfidence()).isEqualTo(0.9);
        assertThat(c.vehicles()).hasSize(2);
        assertThat(c.vehicles()).extracting(StationConfig.VehicleConfig::systemId).containsExactly(1, 2);
    }

    @Test
    void theSystemIdIsGivenOrTheIdsNumber() throws Exception {
        StationConfig c = StationConfigFile.read(write(GOOD.replace("id: drone-2, dock: dock-b,", "id: drone-2, system_id: 7, dock: dock-b,")));
        assertThat(c.vehicles()).extracting(StationConfig.VehicleConfig::systemId).containsExactly(1, 7);
        Path f = write(GOOD.replace("id: drone-2,", "id: alpha,"));
        assertThatThrownBy(() -> StationConfigFile.read(f)).hasMessageContaining(
                "field 'vehicles[1].system_id': expected the vehicle's MAVLink system id, 1 to 255, got nothing (and the id does not end with a number)");
    }

    @Test
    void everyProblemIsNamedAtOnce() throws Exception {
        Path f = write(GOOD.replace("jingshan-01", "jingshan/01").replace("udp://127.0.0.1:14540", "serial0")
                .replace("area.geojson]", "missing.geojson]").replace("drone-2", "drone-1"));
        assertThatThrownBy(() -> StationConfigFile.read(f))
                .hasMessageContaining("field 'station': expected a name of letters")
                .hasMessageContaining("field 'assets': no such file")
                .hasMessageContaining("field 'vehicles[0].link': expected udp|tcp|mavsdk://host:port, got 'serial0'")
                .hasMessageContaining("field 'vehicles[1].id': expected a unique vehicle id, got 'drone-1' twice");
    }

    @Test
    void unknownKeysGiveTheLine() throws Exception {
        Path f = write(GOOD.replace("broker: tcp", "brokr: tcp"));
        assertThatThrownBy(() -> StationConfigFile.read(f)).hasMessageContaining("station.yaml:4: field 'brokr': unknown field");
    }

    @Test
    void signingIsConfiguredPerVehicleWithAKeyFileAndALinkId() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/drone-1.key"), "11".repeat(32) + "\n");
        StationConfig c = StationConfigFile.read(write(GOOD.replace("frames: \"udp://127.0.0.1:15600\"}",
                "frames: \"udp://127.0.0.1:15600\", signing: {key_file: keys/drone-1.key, link_id: 3}}")));
        StationConfig.VehicleConfig v = c.vehicles().get(0);
        assertThat(v.signing()).isEqualTo(new StationConfig.Signing(dir.resolve("keys/drone-1.key"), 3));
        assertThat(c.vehicles().get(1).signing()).isNull();
        org.skyshare.station.link.LinkConfig link = v.linkConfig(c.dataDir());
        assertThat(link.signing().linkId()).isEqualTo(3);
        assertThat(link.signingTimestamps()).isEqualTo(c.dataDir().resolve("signing/vehicle-1-link-3.timestamp"));
        assertThat(c.vehicles().get(1).signing()).isNull();
    }

    @Test
    void aBadSigningBlockNamesTheFieldAndWhatWasExpected() throws Exception {
        Files.writeString(dir.resolve("short.key"), "abc");
        Path f = write(GOOD.replace("frames: \"udp://127.0.0.1:15600\"}", "signing: {key_file: short.key, link_id: 300}}")
                .replace("link: \"mavsdk://127.0.0.1:50051\"}", "link: \"mavsdk://127.0.0.1:50051\", signing: {key_file: short.key}}"));
        assertThatThrownBy(() -> StationConfigFile.read(f))
                .hasMessageContaining("field 'vehicles[0].signing.link_id': expected 0 to 255, got 300")
                .hasMessageContaining("field 'vehicles[1].signing': signing needs a udp:// or tcp:// link");
        Path g = write(GOOD.replace("frames: \"udp://127.0.0.1:15600\"}", "signing: {key_file: short.key}}"));
        assertThatThrownBy(() -> StationConfigFile.read(g))
                .hasMessageContaining("field 'vehicles[0].signing.key_file': " + dir.resolve("short.key")
                        + ": expected a MAVLink signing key: 32 raw bytes, 64 hex digits or base64 of 32 bytes");
        Path h = write(GOOD.replace("frames: \"udp://127.0.0.1:15600\"}", "signing: {link_id: 1}}"));
        assertThatThrownBy(() -> StationConfigFile.read(h))
                .hasMessageContaining("field 'vehicles[0].signing.key_file': missing");
    }
}
