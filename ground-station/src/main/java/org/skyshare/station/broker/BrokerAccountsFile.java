package org.skyshare.station.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.skyshare.profiles.YamlLocations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the broker's logins (keep this file readable by the station's user only):
 * <pre>
 * users:
 *   - {name: station,  role: station, password: "..."}
 *   - {name: forestry, role: agency,  password: "..."}
 *   - {name: forestry-crew-1, role: crew, password: "..."}
 * </pre>
 */
public final class BrokerAccountsFile {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private BrokerAccountsFile() {
    }

    record Dto(List<UserDto> users) {
    }

    record UserDto(String name, String role, String password) {
    }

    public static BrokerAccounts read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the broker accounts: " + e.getMessage(), e);
        }
        Map<String, Integer> lines;
        Dto dto;
        try {
            lines = YamlLocations.fieldLines(MAPPER, text);
            dto = MAPPER.readValue(text, Dto.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": field '" + YamlLocations.fieldPath(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (dto == null || dto.users() == null || dto.users().isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'users': a list of users is required");
        }
        List<BrokerAccount> accounts = new ArrayList<>();
        for (int i = 0; i < dto.users().size(); i++) {
            UserDto u = dto.users().get(i);
            String at = "users[" + i + "]";
            int line = lines.getOrDefault(at + ".name", lines.getOrDefault("users", 1));
            try {
                if (u == null || u.role() == null) {
                    throw new IllegalArgumentException("field 'role' is required: station, agency or crew");
                }
                BrokerRole role;
                try {
                    role = BrokerRole.valueOf(u.role().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("role '" + u.role() + "' is not one of station, agency, crew");
                }
                accounts.add(new BrokerAccount(u.name(), u.password(), role));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + line + ": " + at + ": " + e.getMessage(), e);
            }
        }
        try {
            return new BrokerAccounts(accounts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
