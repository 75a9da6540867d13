package org.skyshare.station.receivers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.config.StationConfigFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiversConfigFileTest {
    @TempDir
    Path dir;

    Path station(String receivers) throws Exception {
        Files.writeString(dir.resolve("a.geojson"), "{}");
        Files.writeString(dir.resolve("p.yaml"), "patrols: []");
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, """
                station: st1
                assets: [a.geojson]
                patrols: p.yaml
                vehicles:
                  - {id: drone-1, dock: d1, link: "udp://127.0.0.1:14540"}
                """ + receivers);
        return f;
    }

    @Test
    void crewsAndTheEvidenceServerAreDeclaredInTheStationFile() throws Exception {
        Files.writeString(dir.resolve("client.p12"), "x");
        Files.writeString(dir.resolve("trust.p12"), "x");
        Path f = station("""
                evidence_server:
                  listen: 127.0.0.1:0
                  public_url: https://station.example:8443
                  link_hours: 12
                crews:
                  - {id: crew-forestry-1, agency: forestry, sa_multicast: "239.2.3.1:6969"}
                  - {id: crew-forestry-2, agency: forestry, tak_server: "ssl://tak.example:8089",
                     tak_client_key_store: client.p12, tak_trust_store: trust.p12}
                  - {id: crew-water-1, agency: water, tak_server: "tcp://127.0.0.1:8087"}
                """);
        assertThat(StationConfigFile.read(f).stationId()).as("the station file still reads").isEqualTo("st1");
        ReceiversConfig r = ReceiversConfigFile.read(f, Map.of("SKYSHARE_TAK_PASSWORD", "secret"));
        assertThat(r.crewsByAgency()).isEqualTo(Map.of("forestry", List.of("crew-forestry-1", "crew-forestry-2"),
                "water", List.of("crew-water-1")));
        assertThat(r.evidence().port()).isZero();
        assertThat(r.evidence().linkLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(r.crews().get(0).saMulticast().getPort()).isEqualTo(6969);
        assertThat(r.crews().get(1).takTls()).isTrue();
        assertThat(r.crews().get(2).takTls()).isFalse();
    }

    @Test
    void mistakesAreNamedWithFileAndField() throws Exception {
        Path f = station("""
                crews:
                  - {id: crew-1, agency: forestry, tak_server: "http://tak:80"}
                  - {id: crew-1, tak_server: "ssl://tak:8089", sa_multicast: "239.2.3.1"}
                """);
        assertThatThrownBy(() -> ReceiversConfigFile.read(f, Map.of()))
                .hasMessageContaining(f + ": field 'crews[0].tak_server': expected tcp://host:8087 or ssl://host:8089")
                .hasMessageContaining("field 'crews[1].id': expected a unique crew id")
                .hasMessageContaining("field 'crews[1].agency': missing")
                .hasMessageContaining("field 'crews[1].tak_client_key_store'")
                .hasMessageContaining("SKYSHARE_TAK_PASSWORD is not set")
                .hasMessageContaining("field 'crews[1].sa_multicast': expected host:port");
        Path typo = station("""
                evidence_server:
                  lisen: 0.0.0.0:8443
                """);
        assertThatThrownBy(() -> ReceiversConfigFile.read(typo, Map.of())).hasMessageContaining("lisen");
        assertThat(ReceiversConfigFile.read(station(""), Map.of()).crews()).isEmpty();
    }
}
