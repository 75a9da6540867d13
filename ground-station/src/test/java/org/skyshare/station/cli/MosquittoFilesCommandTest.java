package org.skyshare.station.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skyshare mosquitto-files}: the files Mosquitto needs, from the broker accounts file. */
class MosquittoFilesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new MosquittoFilesCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    private Path users() throws Exception {
        Path users = dir.resolve("broker-users.yaml");
        Files.writeString(users, """
                users:
                  - {name: station,  role: station, password: "station-secret-1"}
                  - {name: forestry, role: agency,  password: "forestry-secret-1"}
                  - {name: forestry-crew-1, role: crew, password: "crew-secret-1"}
                """);
        return users;
    }

    @Test
    void writesPasswordsAclAndAConfigThatBindsClientIdsToLogins() throws Exception {
        Path out = dir.resolve("mosquitto");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "the operator's own file");
        assertThat(run("--users", users().toString(), "--station", "jingshan-01", "--out", out.toString(),
                "--listen", "0.0.0.0:1883", "--tls-listen", "0.0.0.0:8883",
                "--tls-cert", "/etc/mosquitto/certs/broker.pem", "--tls-key", "/etc/mosquitto/certs/broker.key"))
                .as(err.toString()).isZero();

        List<String> passwd = Files.readAllLines(out.resolve("passwd"));
        assertThat(passwd).hasSize(3).allMatch(l -> l.matches("[a-z0-9.-]+:\\$7\\$101\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+"));
        assertThat(String.join("\n", passwd)).doesNotContain("secret");
        String acl = Files.readString(out.resolve("acl"));
        assertThat(acl).contains("user forestry\ntopic read skyshare/v1/jingshan-01/alerts/forestry\n")
                .contains("topic write skyshare/v1/jingshan-01/acks/forestry\n");
        String conf = Files.readString(out.resolve("skyshare.conf"));
        assertThat(conf).contains("allow_anonymous false\n", "password_file " + out.resolve("passwd") + "\n",
                "acl_file " + out.resolve("acl") + "\n");
        // use_username_as_clientid is a listener option: it must follow each listener line
        assertThat(conf).contains("listener 1883 0.0.0.0\nuse_username_as_clientid true\n")
                .contains("listener 8883 0.0.0.0\nuse_username_as_clientid true\ncertfile /etc/mosquitto/certs/broker.pem\n"
                        + "keyfile /etc/mosquitto/certs/broker.key\n");
        assertThat(out.resolve("notes.txt")).hasContent("the operator's own file");
        // the hashes for the owner (and Mosquitto's group), never for everyone
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("passwd"))))
                .isEqualTo("rw-r-----");
        assertThat(this.out.toString()).contains("mosquitto -c " + out.resolve("skyshare.conf"));
    }

    @Test
    void badArgumentsAreOneSentenceAndWriteNothing() throws Exception {
        Path out = dir.resolve("mosquitto");
        assertThat(run("--users", users().toString(), "--station", "st1", "--out", out.toString(), "--listen", "1883")).isOne();
        assertThat(err.toString()).contains("--listen: expected host:port such as 0.0.0.0:1883, got '1883'");
        assertThat(run("--users", users().toString(), "--station", "st1", "--out", out.toString(), "--tls-listen", "0.0.0.0:8883"))
                .isOne();
        assertThat(err.toString()).contains("--tls-listen needs --tls-cert and --tls-key");
        assertThat(run("--users", users().toString(), "--station", "st/1", "--out", out.toString())).isOne();
        assertThat(err.toString()).contains("--station: station id 'st/1' must be");
        assertThat(out).doesNotExist();
    }
}
