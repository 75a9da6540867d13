package org.skyshare.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code skyshare} command line: one entry point over every module. Each module owns its
 * commands; this class only gathers them and decides how errors reach the user.
 */
@Command(name = "skyshare", mixinStandardHelpOptions = true, version = "Skyshare 0.1.0",
        description = "Shared drone flights: plan, fly, detect and alert from docked drones.",
        footer = {"", "Run 'skyshare <command> --help' for a command's options."})
public final class Skyshare implements Callable<Integer> {

    /** The command tree: name and implementing class, in the order help lists them. */
    static final List<CommandEntry> COMMANDS = List.of(
            new CommandEntry("demo", "org.skyshare.station.cli.DemoCommand",
                    "the main job on embedded defaults: simulated docked drones, the sample area, embedded broker and database"),
            new CommandEntry("plan", "org.skyshare.planner.cli.PlanCommand", "plan routes and sorties for assets"),
            new CommandEntry("detect", "org.skyshare.vision.cli.DetectCommand", "run the detectors on a video, image or folder"),
            new CommandEntry("sim", "org.skyshare.sim.cli.SimCommand", "simulated docked drones speaking MAVLink on UDP"),
            new CommandEntry("station", "org.skyshare.station.cli.StationCommand", "the headless ground-station service"),
            new CommandEntry("console", "org.skyshare.station.cli.ConsoleCommand", "the JavaFX operator console"),
            new CommandEntry("agency", "org.skyshare.station.cli.AgencyCommand", "an agency's terminal: see and acknowledge its alerts"),
            new CommandEntry("mosquitto-files", "org.skyshare.station.cli.MosquittoFilesCommand",
                    "Mosquitto's password file, ACL and configuration from the broker accounts file"),
            new CommandEntry("db", "org.skyshare.station.cli.DbCommand", "check the station database, or recover it after damage"),
            new CommandEntry("vehicle", "org.skyshare.station.cli.VehicleCommand", "one ArduPilot or PX4 vehicle: status, upload a plan, arm/start/pause/resume/rtl/land"),
            new CommandEntry("profiles", "org.skyshare.profiles.cli.ProfilesCommand", "aircraft, camera and dock profiles"));

    static final List<CommandEntry> EVALUATIONS = List.of(
            new CommandEntry("fire", "org.skyshare.vision.cli.EvaluateFireCommand", "visual fire/smoke accuracy on held-out images"),
            new CommandEntry("thermal", "org.skyshare.vision.cli.EvaluateThermalCommand", "thermal fire vs other hot spots"),
            new CommandEntry("water", "org.skyshare.vision.cli.EvaluateWaterCommand", "water segmentation IoU"));

    static final List<CommandEntry> BENCHMARKS = List.of(
            new CommandEntry("plan", "org.skyshare.planner.cli.PlanBench", "planner speed, memory and path efficiency"),
            new CommandEntry("vision", "org.skyshare.vision.cli.VisionBench", "detector throughput"),
            new CommandEntry("link", "org.skyshare.station.cli.LinkBench", "MAVLink mission upload and telemetry decoding"),
            new CommandEntry("alerts", "org.skyshare.station.cli.AlertBench", "alerts per second to the broker with persistence"),
            new CommandEntry("station", "org.skyshare.station.cli.StationBench", "frame-to-alert latency while the demo patrols fly"),
            new CommandEntry("map", "org.skyshare.station.cli.MapBench", "console map redraw time"));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 the work failed, 2 a usage error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Skyshare());
        COMMANDS.forEach(c -> cli.addSubcommand(c.name(), c.instantiate()));
        cli.addSubcommand("evaluate", group("evaluate", "Measure the detectors' quality on the datasets.", EVALUATIONS));
        cli.addSubcommand("bench", group("bench", "Benchmarks; figures go to docs/PERFORMANCE.md.", BENCHMARKS));
        cli.setExecutionExceptionHandler(new UserErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static CommandLine group(String name, String description, List<CommandEntry> entries) {
        CommandLine group = new CommandLine(new CommandGroup());
        group.getCommandSpec().name(name).usageMessage().description(description);
        entries.forEach(c -> group.addSubcommand(c.name(), c.instantiate()));
        return group;
    }

    /** A parent command such as {@code bench}: given no subcommand it explains which exist. */
    @Command(mixinStandardHelpOptions = true)
    static final class CommandGroup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "name one of: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }
}
