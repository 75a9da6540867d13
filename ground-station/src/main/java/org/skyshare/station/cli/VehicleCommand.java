package org.skyshare.station.cli;

import org.skyshare.planner.export.ExportException;
import org.skyshare.planner.export.MissionItems;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.station.link.FlightMode;
import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.MavlinkVehicleLink;
import org.skyshare.station.link.MissionComparison;
import org.skyshare.station.link.SigningKeyFile;
import org.skyshare.station.link.TelemetrySnapshot;
import org.skyshare.station.link.VehicleLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One vehicle from the command line, over the station's own link (ArduPilot or PX4, told apart
 * by the heartbeat): what an operator runs to check a new drone before it joins a fleet.
 */
@Command(name = "vehicle", mixinStandardHelpOptions = true,
        description = "connect to one vehicle and show its status, upload a plan file, or command it",
        footer = {"", "Actions: status | upload FILE | arm | start | pause | resume | rtl | land | disarm | sign-setup",
                "sign-setup gives the vehicle the --signing-key-file key (SETUP_SIGNING, over this unsigned link: use a",
                "trusted one) and confirms it by a signed heartbeat; with --signing-key-file every other action is signed.",
                "FILE is a mission item list as the planner exports it (missions/<sortie>.json).",
                "start arms first when needed, then flies the mission on the vehicle."})
public final class VehicleCommand implements Callable<Integer> {
    @Option(names = "--link", required = true, description = "the vehicle: tcp://host:port (ArduPilot SITL 5760+10N) or udp://host:port (PX4 18570+N)")
    String link;
    @Option(names = "--system-id", defaultValue = "0", description = "the vehicle's MAVLink system id (default: the first vehicle heard)")
    int systemId;
    @Option(names = "--timeout", defaultValue = "30s", converter = DemoCommand.DurationConverter.class,
            description = "how long to wait for the vehicle and for each step (default ${DEFAULT-VALUE})")
    Duration timeout;
    @Option(names = "--signing-key-file", description = "MAVLink 2 signing key: 32 raw bytes, 64 hex digits or base64 of 32 bytes")
    Path signingKeyFile;
    @Option(names = "--signing-link-id", defaultValue = "0", description = "link id to sign with (default ${DEFAULT-VALUE})")
    int signingLinkId;
    @Parameters(index = "0", paramLabel = "ACTION", description = "status, upload, arm, start, pause, resume, rtl, land, disarm or sign-setup")
    String action;
    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "the plan file, for upload")
    Path file;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MissionItem> plan = null;
        if (action.equals("upload")) {
            if (file == null) {
                err.println("upload needs the plan file: skyshare vehicle --link URI upload missions/<sortie>.json");
                return 2;
            }
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such plan file");
                return 2;
            }
            try {
                plan = MissionItems.read(file);
            } catch (ExportException e) {
                err.println(e.getMessage());
                return 2;
            }
        } else if (!List.of("status", "arm", "start", "pause", "resume", "rtl", "land", "disarm", "sign-setup").contains(action)) {
            err.println("unknown action '" + action + "'; expected status, upload, arm, start, pause, resume, rtl, land, disarm or sign-setup");
            return 2;
        }
        LinkConfig cfg;
        try {
            cfg = LinkConfig.of(link, systemId);
            if (signingKeyFile != null) {
                SigningKeyFile.read(signingKeyFile, signingLinkId); // a bad key file is a sentence before anything connects
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (action.equals("sign-setup")) {
            if (signingKeyFile == null) {
                err.println("sign-setup needs the key: skyshare vehicle --link URI --signing-key-file F sign-setup");
                return 2;
            }
            return signSetup(cfg, out, err);
        }
        if (signingKeyFile != null) {
            cfg = cfg.withSigning(SigningKeyFile.read(signingKeyFile, signingLinkId));
        }
        try (MavlinkVehicleLink v = MavlinkVehicleLink.connect(cfg)) {
            if (!waitFor(() -> v.health().status() == LinkStatus.CONNECTED)) {
                err.println("no heartbeat from " + link + " within " + timeout.toSeconds() + " s");
                return 1;
            }
            try {
                return run(v, plan, out);
            } catch (ExecutionException | TimeoutException e) {
                Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                err.println(action + " failed: " + (c instanceof TimeoutException ? "no answer within " + timeout.toSeconds() + " s"
                        : c.getMessage()));
                return 1;
            }
        }
    }

    /** Gives the vehicle the key over an unsigned link, then confirms with a link that accepts only signed frames. */
    private int signSetup(LinkConfig cfg, PrintWriter out, PrintWriter err) throws Exception {
        int vehicle;
        try (MavlinkVehicleLink v = MavlinkVehicleLink.connect(cfg)) {
            if (!waitFor(() -> v.health().status() == LinkStatus.CONNECTED)) {
                err.println("no heartbeat from " + link + " within " + timeout.toSeconds() + " s");
                return 1;
            }
            vehicle = v.systemId();
            if (v.telemetry().latest().armed()) {
                err.println("vehicle " + vehicle + " is armed; autopilots take a signing key only disarmed");
                return 1;
            }
            v.provisionSigningKey(SigningKeyFile.read(signingKeyFile, signingLinkId));
        }
        try (MavlinkVehicleLink signed = MavlinkVehicleLink.connect(LinkConfig.of(link, vehicle)
                .withSigning(SigningKeyFile.read(signingKeyFile, signingLinkId)))) {
            if (!waitFor(() -> signed.health().status() == LinkStatus.CONNECTED)) {
                err.println("vehicle " + vehicle + " was sent the key but sent no heartbeat signed with it within "
                        + timeout.toSeconds() + " s (does its firmware support MAVLink 2 signing?)");
                return 1;
            }
        }
        out.println("vehicle " + vehicle + " signs with the key from " + signingKeyFile + " (confirmed by a signed heartbeat); "
                + "unsigned commands are now ignored");
        return 0;
    }

    private int run(VehicleLink v, List<MissionItem> plan, PrintWriter out) throws Exception {
        switch (action) {
            case "status" -> {
                // position and battery come a moment after the heartbeat (ArduPilot only once asked)
                waitFor(() -> v.telemetry().latest().position() != null && v.telemetry().latest().battery() != null);
                out.println(status(v));
            }
            case "upload" -> {
                step(v.mission().upload(plan));
                List<MissionItem> back = step(v.mission().download());
                var diff = MissionComparison.firstDifference(plan, back);
                if (diff.isPresent()) {
                    out.println("uploaded " + plan.size() + " items, but the read-back differs: " + diff.get());
                    return 1;
                }
                out.println("uploaded " + plan.size() + " items from " + file + " to vehicle " + v.systemId() + " (" + v.autopilot()
                        + "); read back the same");
            }
            case "arm" -> done(v, v.action().arm());
            case "start" -> {
                if (!v.telemetry().latest().armed()) {
                    step(v.action().arm());
                }
                done(v, v.action().startMission());
            }
            case "pause" -> done(v, v.action().hold());
            case "resume" -> done(v, v.action().resume());
            case "rtl" -> done(v, v.action().returnToLaunch());
            case "land" -> done(v, v.action().land());
            case "disarm" -> done(v, v.action().disarm());
            default -> throw new IllegalStateException(action);
        }
        return 0;
    }

    private void done(VehicleLink v, CompletableFuture<Void> f) throws Exception {
        step(f);
        spec.commandLine().getOut().println(action + ": accepted by vehicle " + v.systemId() + " (" + v.autopilot() + ")");
    }

    private <T> T step(CompletableFuture<T> f) throws Exception {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String status(VehicleLink v) {
        TelemetrySnapshot t = v.telemetry().latest();
        Function<Object, String> or = o -> o == null ? "unknown" : o.toString();
        String pos = t.position() == null ? "position unknown" : String.format(Locale.ROOT, "at %.7f, %.7f, %.1f m above home",
                t.position().latDeg(), t.position().lonDeg(), t.position().relativeAltitudeM());
        String battery = t.battery() == null ? "battery unknown" : String.format(Locale.ROOT, "battery %.0f %%", t.battery().remainingPct());
        String gps = t.gps() == null ? "GPS unknown" : "GPS fix type " + t.gps().fixType() + ", " + t.gps().satellites() + " satellites";
        return String.format("vehicle %d (%s) on %s: %s, mode %s, %s, %s; %s; %s; %s; mission item %d of %d", v.systemId(), v.autopilot(),
                v.address(), v.health().status(), t.flightMode() == null ? FlightMode.UNKNOWN : t.flightMode(),
                t.armed() ? "armed" : "disarmed", or.apply(t.landedState()).toLowerCase(Locale.ROOT).replace('_', ' '), pos, battery, gps,
                t.mission().current(), t.mission().total());
    }

    private boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            synchronized (monitor) {
                monitor.wait(50); // polling with a deadline
            }
        }
        return true;
    }
}
