package org.skyshare.station.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.skyshare.profiles.InputFiles;
import org.skyshare.profiles.YamlLocations;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a station configuration:
 * <pre>
 * station: jingshan-01
 * assets: [jingshan.geojson]
 * patrols: patrols.yaml
 * broker: embedded                 # or tcp://broker:1883, ssl://broker:8883
 * data_dir: station-data
 * auto_confirm_confidence: 0.9
 * vehicles:
 *   - {id: drone-1, dock: dock-jingshan-sub, link: "udp://127.0.0.1:14540", frames: "udp://127.0.0.1:15600"}
 *     # system_id: the MAVLink system id; by default the number the id ends with
 *     # signing: {key_file: keys/drone-1.key, link_id: 0}   MAVLink 2 signing (udp/tcp links): the key is
 *     #   32 raw bytes, 64 hex digits or base64 of 32 bytes; timestamps are kept in data_dir/signing/
 * broker_tls:                      # optional; see StationConfig.BrokerTls
 *   ca_file: broker-ca.pem         # for ssl://: the broker's certificate or its CA (PEM); or trust_store
 *   # key_store: station.p12       # client certificate (or cert_file + key_file, PEM)
 *   # port: 8883                   # with broker: embedded, serve TLS here from key_store
 * </pre>
 */
public final class StationConfigFile {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final List<String> LINK_SCHEMES = List.of("udp", "tcp", "mavsdk");

    private StationConfigFile() {
    }

    record Dto(String station, List<String> assets, String aircraft, String patrols, String broker,
               String brokerUsername, String brokerPassword, String database, String dataDir,
               Double autoConfirmConfidence, List<VehicleDto> vehicles, BrokerTlsDto brokerTls,
               // read by station.receivers.ReceiversConfigFile; declared so the strict reading here accepts them
               com.fasterxml.jackson.databind.JsonNode evidenceServer, com.fasterxml.jackson.databind.JsonNode crews) {
    }

    record BrokerTlsDto(String caFile, String trustStore, String trustStorePassword, String keyStore,
                        String keyStorePassword, String certFile, String keyFile, Integer port) {
    }

    record VehicleDto(String id, String dock, String link, String frames, Integer systemId, SigningDto signing) {
    }

    record SigningDto(String keyFile, Integer linkId) {
    }

    public static StationConfig read(Path file) {
        String yaml = InputFiles.readText(file, "a station configuration (YAML)");
        Path base = file.toAbsolutePath().getParent();
        Dto dto;
        try {
            Map<String, Integer> lines = YamlLocations.fieldLines(MAPPER, yaml);
            YamlLocations.requireMapping(MAPPER, yaml, file.toString(), "station, assets, patrols, vehicles");
            try {
                dto = MAPPER.readValue(yaml, Dto.class);
            } catch (JsonMappingException e) {
                throw new IllegalArgumentException(file + ":" + YamlLocations.line(e, lines) + ": field '"
                        + YamlLocations.fieldPath(e) + "': " + YamlLocations.explain(e), e);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlLocations.parseError(file.toString(), e), e);
        }
        if (dto == null) {
            throw new IllegalArgumentException(file + ": the configuration is empty; expected station, assets, patrols, vehicles");
        }
        List<String> problems = new ArrayList<>();
        if (dto.station() == null || !dto.station().matches("[A-Za-z0-9_-]+")) {
            problems.add("field 'station': expected a name of letters, digits, '-' or '_' (it is part of MQTT topics), got "
                    + (dto.station() == null ? "nothing" : "'" + dto.station() + "'"));
        }
        List<Path> assets = new ArrayList<>();
        if (dto.assets() == null || dto.assets().isEmpty()) {
            problems.add("field 'assets': expected a list of asset files (GeoJSON, KML, GeoPackage)");
        } else {
            for (String a : dto.assets()) {
                Path p = base.resolve(a).normalize();
                if (!Files.isRegularFile(p)) {
                    problems.add("field 'assets': no such file " + p);
                }
                assets.add(p);
            }
        }
        Path patrols = null;
        if (dto.patrols() == null) {
            problems.add("field 'patrols': missing; expected the patrols file");
        } else {
            patrols = base.resolve(dto.patrols()).normalize();
            if (!Files.isRegularFile(patrols)) {
                problems.add("field 'patrols': no such file " + patrols);
            }
        }
        String broker = dto.broker() == null ? "embedded" : dto.broker().strip();
        if (!broker.equals("embedded") && !broker.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d+)?/?")) {
            problems.add("field 'broker': expected embedded or tcp://host:port (ssl://, ws://, wss://), got '" + broker + "'");
        }
        double autoConfirm = dto.autoConfirmConfidence() == null ? 0.9 : dto.autoConfirmConfidence();
        if (autoConfirm < 0 || autoConfirm > 1) {
            problems.add("field 'auto_confirm_confidence': expected a number from 0 to 1, got " + autoConfirm);
        }
        List<StationConfig.VehicleConfig> vehicles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<VehicleDto> vs = dto.vehicles() == null ? List.of() : dto.vehicles();
        if (vs.isEmpty()) {
            problems.add("field 'vehicles': expected at least one vehicle with id, dock and link");
        }
        for (int i = 0; i < vs.size(); i++) {
            VehicleDto v = vs.get(i);
            String at = "vehicles[" + i + "]";
            if (v.id() == null || !ids.add(v.id())) {
                problems.add("field '" + at + ".id': expected a unique vehicle id, got " + (v.id() == null ? "nothing" : "'" + v.id() + "' twice"));
            }
            if (v.dock() == null) {
                problems.add("field '" + at + ".dock': missing; expected the id of a dock in the assets");
            }
            checkAddress(v.link(), at + ".link", LINK_SCHEMES, true, problems);
            checkAddress(v.frames(), at + ".frames", List.of("udp", "tcp"), false, problems);
            // the MAVLink system id: given, or the number the vehicle's id ends with (drone-3 -> 3)
            Integer sysid = v.systemId();
            if (sysid == null && v.id() != null && v.id().matches(".*?(\\d+)$")) {
                sysid = Integer.parseInt(v.id().replaceAll(".*?(\\d+)$", "$1"));
            }
            if (sysid == null || sysid < 1 || sysid > 255) {
                problems.add("field '" + at + ".system_id': expected the vehicle's MAVLink system id, 1 to 255, got "
                        + (sysid == null ? "nothing (and the id does not end with a number)" : sysid));
                sysid = 0;
            }
            StationConfig.Signing signing = signing(v.signing(), v.link(), at + ".signing", base, problems);
            vehicles.add(new StationConfig.VehicleConfig(v.id(), v.dock(), v.link(), v.frames(), sysid, signing));
        }
        StationConfig.BrokerTls tls = brokerTls(dto.brokerTls(), base, broker, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
        }
        Path dataDir = base.resolve(dto.dataDir() == null ? "station-data" : dto.dataDir()).normalize();
        return new StationConfig(dto.station(), assets, dto.aircraft(), patrols, broker, dto.brokerUsername(),
                dto.brokerPassword(), dto.database(), dataDir, autoConfirm, vehicles, tls);
    }

    private static StationConfig.BrokerTls brokerTls(BrokerTlsDto t, Path base, String broker, List<String> problems) {
        if (t == null) {
            return null;
        }
        Path ca = file(t.caFile(), "ca_file", base, problems);
        Path trust = file(t.trustStore(), "trust_store", base, problems);
        Path keyStore = file(t.keyStore(), "key_store", base, problems);
        Path cert = file(t.certFile(), "cert_file", base, problems);
        Path key = file(t.keyFile(), "key_file", base, problems);
        if (ca != null && trust != null) {
            problems.add("field 'broker_tls': give ca_file or trust_store, not both");
        }
        if ((cert == null) != (key == null)) {
            problems.add("field 'broker_tls': cert_file and key_file go together (PEM certificate and PKCS#8 key)");
        }
        if (keyStore != null && cert != null) {
            problems.add("field 'broker_tls': give key_store or cert_file + key_file, not both");
        }
        int port = t.port() == null ? 0 : t.port();
        boolean embedded = broker.equals("embedded");
        if (embedded) {
            if (port < 1 || port > 65535 || keyStore == null) {
                problems.add("field 'broker_tls': with broker: embedded, give port (1 to 65535) and key_store "
                        + "(the broker's certificate and key, PKCS12 or JKS) to serve MQTT over TLS");
            }
        } else {
            if (!broker.startsWith("ssl://") && !broker.startsWith("wss://")) {
                problems.add("field 'broker_tls': the broker '" + broker + "' is not ssl:// (or wss://); TLS settings need one");
            }
            if (t.port() != null) {
                problems.add("field 'broker_tls.port': only for the embedded broker; the port of an external broker is in its URL");
            }
        }
        return new StationConfig.BrokerTls(ca, trust, t.trustStorePassword(), keyStore, t.keyStorePassword(), cert, key, port);
    }

    private static Path file(String name, String field, Path base, List<String> problems) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Path p = base.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            problems.add("field 'broker_tls." + field + "': no such file " + p);
        } else if (!Files.isReadable(p)) {
            problems.add("field 'broker_tls." + field + "': cannot read " + p);
        }
        return p;
    }

    /** The signing block, its key file checked now so a bad key stops the station before it starts. */
    private static StationConfig.Signing signing(SigningDto dto, String link, String field, Path base, List<String> problems) {
        if (dto == null) {
            return null;
        }
        if (link != null && link.startsWith("mavsdk:")) {
            problems.add("field '" + field + "': signing needs a udp:// or tcp:// link (with mavsdk:// the station does not "
                    + "speak MAVLink itself; configure mavsdk_server instead)");
            return null;
        }
        int linkId = dto.linkId() == null ? 0 : dto.linkId();
        if (linkId < 0 || linkId > 255) {
            problems.add("field '" + field + ".link_id': expected 0 to 255, got " + linkId);
            return null;
        }
        if (dto.keyFile() == null || dto.keyFile().isBlank()) {
            problems.add("field '" + field + ".key_file': missing; expected the file of the 32-byte secret key shared with the vehicle");
            return null;
        }
        Path key = base.resolve(dto.keyFile()).normalize();
        try {
            org.skyshare.station.link.SigningKeyFile.read(key, linkId);
        } catch (IllegalArgumentException e) {
            problems.add("field '" + field + ".key_file': " + e.getMessage());
            return null;
        }
        return new StationConfig.Signing(key, linkId);
    }

    private static void checkAddress(String address, String field, List<String> schemes, boolean required, List<String> problems) {
        if (address == null || address.isBlank()) {
            if (required) {
                problems.add("field '" + field + "': missing; expected " + String.join("|", schemes) + "://host:port");
            }
            return;
        }
        try {
            URI uri = new URI(address);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new URISyntaxException(address, "scheme, host or port");
            }
        } catch (URISyntaxException e) {
            problems.add("field '" + field + "': expected " + String.join("|", schemes) + "://host:port, got '" + address + "'");
        }
    }
}
