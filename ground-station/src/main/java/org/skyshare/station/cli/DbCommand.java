package org.skyshare.station.cli;

import org.skyshare.station.store.DatabaseRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code skyshare db check|recover --data DIR}: the embedded station database's health and its
 * recovery after damage (the station refuses to start on a damaged file and names these commands).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Check the station's embedded database, or recover it after damage.",
        subcommands = {DbCommand.Check.class, DbCommand.Recover.class})
public class DbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name one of: check, recover");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run SQLite's integrity check on the station database (read-only) and list its backups. "
                    + "Exit code 0 when sound, 1 when damaged or missing.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, description = "the station's data folder (data_dir in the station config)")
        Path data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatabaseRecovery.CheckResult r = new DatabaseRecovery(data).check();
            if (r.sound()) {
                out.println(r.file() + ": sound (SQLite integrity check ok)");
                out.println("rows: " + rows(r.rows()));
            } else {
                out.println(r.file() + ": DAMAGED");
                r.problems().forEach(p -> out.println("  " + p));
            }
            out.println("backups (" + r.backups().size() + "): "
                    + (r.backups().isEmpty() ? "none" : r.backups().get(r.backups().size() - 1) + " newest"));
            if (!r.sound() && !r.backups().isEmpty()) {
                out.println("recover with: skyshare db recover --data " + data);
            }
            out.flush();
            return r.sound() ? 0 : 1;
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = "Set a damaged station database aside (renamed, never deleted), restore the newest sound "
                    + "backup, and copy in every row still readable in the damaged file.")
    static final class Recover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, description = "the station's data folder (data_dir in the station config)")
        Path data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatabaseRecovery.RecoveryResult r = new DatabaseRecovery(data).recover();
            out.println("damaged file kept as: " + (r.setAside() == null ? "(there was none)" : r.setAside()));
            out.println("restored backup: " + r.backupUsed());
            out.println("rows from the backup: " + rows(r.rowsFromBackup()));
            out.println("rows salvaged from the damaged file: " + rows(r.rowsSalvaged()));
            out.flush();
            return 0;
        }
    }

    static String rows(Map<String, Long> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
