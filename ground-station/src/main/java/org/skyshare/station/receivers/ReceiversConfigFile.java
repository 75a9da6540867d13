package org.skyshare.station.receivers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.skyshare.profiles.YamlLocations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the receivers' part of a station configuration (the rest is {@code StationConfigFile}'s):
 * <pre>
 * evidence_server:
 *   listen: 0.0.0.0:8443
 *   public_url: https://station.example:8443
 *   key_store: tls/station.p12        # or cert_pem + key_pem; none: a self-signed certificate
 *   key_store_password_env: SKYSHARE_TLS_PASSWORD
 *   link_hours: 48
 * crews:
 *   - id: crew-forestry-1
 *     agency: forestry
 *     tak_server: ssl://tak.example:8089      # or tcp://tak.example:8087
 *     tak_client_key_store: tak/station-client.p12
 *     tak_trust_store: tak/truststore-root.p12
 *     tak_password_env: SKYSHARE_TAK_PASSWORD
 *     sa_multicast: 239.2.3.1:6969
 * </pre>
 * Passwords never sit in the file: it names the environment variable that holds them.
 */
public final class ReceiversConfigFile {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReceiversConfigFile() {
    }

    record Dto(EvidenceDto evidenceServer, List<CrewDto> crews) {
    }

    record EvidenceDto(String listen, String publicUrl, String keyStore, String keyStorePasswordEnv, String certPem,
                       String keyPem, Double linkHours) {
    }

    record CrewDto(String id, String agency, String takServer, String takClientKeyStore, String takTrustStore,
                   String takPasswordEnv, String saMulticast) {
    }

    public static ReceiversConfig read(Path file) {
        return read(file, System.getenv());
    }

    static ReceiversConfig read(Path file, Map<String, String> env) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the station configuration: " + e.getMessage(), e);
        }
        Dto dto;
        try {
            Map<String, Integer> lines = YamlLocations.fieldLines(MAPPER, yaml);
            try {
                // only these two sections are read here, but strictly, so a misspelt key in them is named
                com.fasterxml.jackson.databind.JsonNode all = MAPPER.readTree(yaml);
                com.fasterxml.jackson.databind.node.ObjectNode mine = MAPPER.createObjectNode();
                if (all != null && all.isObject()) {
                    for (String key : List.of("evidence_server", "crews")) {
                        if (all.has(key)) {
                            mine.set(key, all.get(key));
                        }
                    }
                }
                dto = STRICT.treeToValue(mine, Dto.class);
            } catch (JsonMappingException e) {
                throw new IllegalArgumentException(file + ":" + YamlLocations.line(e, lines) + ": field '"
                        + YamlLocations.fieldPath(e) + "': " + YamlLocations.explain(e), e);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (dto == null) {
            return ReceiversConfig.none();
        }
        Path base = file.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        ReceiversConfig.EvidenceServerConfig evidence = null;
        if (dto.evidenceServer() != null) {
            EvidenceDto e = dto.evidenceServer();
            InetSocketAddress listen = hostPort(e.listen() == null ? "0.0.0.0:8443" : e.listen(), "evidence_server.listen", problems);
            if (e.publicUrl() != null && !e.publicUrl().matches("https://[^\\s/?#]+(:\\d+)?/?")) {
                problems.add("field 'evidence_server.public_url': expected https://host[:port], got '" + e.publicUrl() + "'");
            }
            if ((e.certPem() == null) != (e.keyPem() == null)) {
                problems.add("field 'evidence_server.cert_pem'/'key_pem': give both the certificate chain and the key, or neither");
            }
            if (e.keyStore() != null && e.certPem() != null) {
                problems.add("field 'evidence_server.key_store': give a key store or PEM files, not both");
            }
            String password = null;
            if (e.keyStore() != null) {
                String var = e.keyStorePasswordEnv() == null ? "SKYSHARE_TLS_PASSWORD" : e.keyStorePasswordEnv();
                password = env.get(var);
                if (password == null) {
                    problems.add("field 'evidence_server.key_store_password_env': the environment variable " + var
                            + " holding the key store's password is not set");
                }
            }
            double hours = e.linkHours() == null ? 48 : e.linkHours();
            if (!(hours > 0 && hours <= 24 * 30)) {
                problems.add("field 'evidence_server.link_hours': expected hours from above 0 to 720, got " + hours);
            }
            evidence = new ReceiversConfig.EvidenceServerConfig(listen == null ? "0.0.0.0" : listen.getHostString(),
                    listen == null ? 8443 : listen.getPort(), e.publicUrl(), existing(base, e.keyStore(), "evidence_server.key_store", problems),
                    password, existing(base, e.certPem(), "evidence_server.cert_pem", problems),
                    existing(base, e.keyPem(), "evidence_server.key_pem", problems), Duration.ofSeconds(Math.round(hours * 3600)));
        }
        List<ReceiversConfig.CrewConfig> crews = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<CrewDto> cs = dto.crews() == null ? List.of() : dto.crews();
        for (int i = 0; i < cs.size(); i++) {
            CrewDto c = cs.get(i);
            String at = "crews[" + i + "]";
            if (c.id() == null || !c.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,59}") || !ids.add(c.id())) {
                problems.add("field '" + at + ".id': expected a unique crew id of letters, digits, '.', '_' or '-' (it is an MQTT topic level), got "
                        + (c.id() == null ? "nothing" : "'" + c.id() + "'"));
            }
            if (c.agency() == null || c.agency().isBlank()) {
                problems.add("field '" + at + ".agency': missing; expected the agency the crew works for");
            }
            InetSocketAddress tak = null;
            boolean tls = false;
            if (c.takServer() != null) {
                URI u = URI.create(c.takServer().strip());
                tls = "ssl".equals(u.getScheme());
                if (!tls && !"tcp".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1) {
                    problems.add("field '" + at + ".tak_server': expected tcp://host:8087 or ssl://host:8089, got '" + c.takServer() + "'");
                } else {
                    tak = InetSocketAddress.createUnresolved(u.getHost(), u.getPort());
                }
                if (tls && (c.takClientKeyStore() == null || c.takTrustStore() == null)) {
                    problems.add("field '" + at + ".tak_client_key_store': a TLS TAK Server needs the station's client certificate "
                            + "(tak_client_key_store) and the server's CA (tak_trust_store)");
                }
            }
            String takPassword = null;
            if (tls) {
                String var = c.takPasswordEnv() == null ? "SKYSHARE_TAK_PASSWORD" : c.takPasswordEnv();
                takPassword = env.get(var);
                if (takPassword == null) {
                    problems.add("field '" + at + ".tak_password_env': the environment variable " + var + " is not set");
                }
            }
            InetSocketAddress sa = c.saMulticast() == null ? null : hostPort(c.saMulticast(), at + ".sa_multicast", problems);
            crews.add(new ReceiversConfig.CrewConfig(c.id(), c.agency(), tak, tls,
                    existing(base, c.takClientKeyStore(), at + ".tak_client_key_store", problems), takPassword,
                    existing(base, c.takTrustStore(), at + ".tak_trust_store", problems), takPassword, sa));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
        }
        return new ReceiversConfig(evidence, crews);
    }

    private static Path existing(Path base, String name, String field, List<String> problems) {
        if (name == null) {
            return null;
        }
        Path p = base.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            problems.add("field '" + field + "': no such file " + p);
        }
        return p;
    }

    private static InetSocketAddress hostPort(String s, String field, List<String> problems) {
        String v = s.strip().replaceFirst("^udp://", "");
        int colon = v.lastIndexOf(':');
        if (colon < 1 || !v.substring(colon + 1).matches("\\d{1,5}") || Integer.parseInt(v.substring(colon + 1)) > 65535) {
            problems.add("field '" + field + "': expected host:port, got '" + s + "'");
            return null;
        }
        return InetSocketAddress.createUnresolved(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
    }
}
