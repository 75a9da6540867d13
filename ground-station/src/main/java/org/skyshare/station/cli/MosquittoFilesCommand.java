package org.skyshare.station.cli;

import org.skyshare.station.alert.AlertTopics;
import org.skyshare.station.broker.BrokerAccounts;
import org.skyshare.station.broker.BrokerAccountsFile;
import org.skyshare.station.broker.MosquittoAccessFiles;
import org.skyshare.station.broker.TopicAcl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code skyshare mosquitto-files --users broker-users.yaml --station ID --out DIR}: Mosquitto's
 * password file, ACL and configuration from the same accounts file the embedded broker reads, so
 * an external Mosquitto enforces the same logins, topic rights, Last Will checks and client ids.
 */
@Command(name = "mosquitto-files", mixinStandardHelpOptions = true,
        description = "Write Mosquitto's password file, ACL and configuration (passwd, acl, skyshare.conf) from the "
                + "station's broker accounts file: same logins and topic rights as the embedded broker, Last Wills "
                + "checked against the ACL, each client id bound to its login.")
public class MosquittoFilesCommand implements Callable<Integer> {
    @Option(names = "--users", required = true, description = "the broker accounts file (YAML users: name, role, password)")
    Path users;
    @Option(names = "--station", required = true, description = "the station id (topics are skyshare/v1/<station>/...)")
    String station;
    @Option(names = "--out", required = true, description = "folder for passwd, acl and skyshare.conf (only these files are replaced)")
    Path out;
    @Option(names = "--listen", defaultValue = "127.0.0.1:1883", description = "host:port of the plain MQTT listener "
            + "(default ${DEFAULT-VALUE}; 0.0.0.0:1883 for agencies on the network, better --tls-listen; 'none' for "
            + "TLS only). The main Mosquitto configuration must not define listeners of its own.")
    String listen;
    @Option(names = "--tls-listen", description = "host:port for a TLS listener, e.g. 0.0.0.0:8883 (needs --tls-cert and --tls-key)")
    String tlsListen;
    @Option(names = "--tls-cert", description = "the broker's certificate (PEM) for --tls-listen")
    Path tlsCert;
    @Option(names = "--tls-key", description = "the broker's private key (PEM) for --tls-listen")
    Path tlsKey;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter outText = spec.commandLine().getOut();
        BrokerAccounts accounts = BrokerAccountsFile.read(users);
        AlertTopics topics;
        try {
            topics = new AlertTopics(station);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--station: " + e.getMessage(), e);
        }
        List<MosquittoAccessFiles.Listener> listeners = new ArrayList<>();
        if (!"none".equals(listen)) {
            HostPort hp = HostPort.parse("--listen", listen);
            listeners.add(MosquittoAccessFiles.Listener.plain(hp.host(), hp.port()));
        }
        if (tlsListen != null) {
            if (tlsCert == null || tlsKey == null) {
                throw new IllegalArgumentException("--tls-listen needs --tls-cert and --tls-key (PEM files)");
            }
            HostPort hp = HostPort.parse("--tls-listen", tlsListen);
            listeners.add(new MosquittoAccessFiles.Listener(hp.host(), hp.port(), tlsCert, tlsKey));
        } else if (tlsCert != null || tlsKey != null) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go with --tls-listen host:port");
        }
        Path conf = MosquittoAccessFiles.writeAll(out, accounts, new TopicAcl(topics), listeners);
        outText.println("wrote " + conf.getParent().resolve(MosquittoAccessFiles.PASSWORD_FILE) + ", "
                + conf.getParent().resolve(MosquittoAccessFiles.ACL_FILE) + " and " + conf + " for "
                + accounts.all().size() + " logins of station " + station);
        Path passwd = conf.getParent().resolve(MosquittoAccessFiles.PASSWORD_FILE);
        if (!MosquittoAccessFiles.brokerCanRead(passwd)) {
            outText.println("Mosquitto drops to its own user before reading " + passwd + ", which only its owner can "
                    + "read: run  chgrp mosquitto " + passwd + "  as root (or add 'user <owner>' to the configuration)");
        }
        outText.println("start Mosquitto with: mosquitto -c " + conf + "   (or include it from /etc/mosquitto/mosquitto.conf)");
        outText.flush();
        return 0;
    }

    record HostPort(String host, int port) {
        static HostPort parse(String option, String text) {
            int colon = text.lastIndexOf(':');
            try {
                if (colon < 1) {
                    throw new NumberFormatException();
                }
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(text.substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected host:port such as 0.0.0.0:1883, got '" + text + "'");
            }
        }
    }
}
