package org.skyshare.sim.cli;

import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.stream.SimCameras;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;
import org.skyshare.sim.vehicle.VehicleState;
import org.skyshare.sim.world.World;
import org.skyshare.sim.world.WorldBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code skyshare sim}: simulated docked multicopters, one MAVLink 2 endpoint per vehicle on its own
 * UDP port. Prints the ports, then runs until stdin closes, {@code quit}, or {@code --duration}.
 * Lines on stdin inject failures (type {@code help}).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Simulated docked drones speaking MAVLink 2 on UDP (and TCP on the same port numbers).")
public final class SimCommand implements Callable<Integer> {
    @Option(names = "--vehicles", description = "number of vehicles (1..250), default ${DEFAULT-VALUE}", defaultValue = "3")
    int vehicles;

    @Option(names = "--port", description = "UDP port of vehicle 1; vehicle i listens on port+i-1 (0: any free), default ${DEFAULT-VALUE}",
            defaultValue = "14600")
    int basePort;

    @Option(names = "--bind", description = "address to listen on; 0.0.0.0 to accept other hosts, default ${DEFAULT-VALUE}",
            defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--time-factor", description = "simulated seconds per real second for flight and battery, default ${DEFAULT-VALUE}",
            defaultValue = "1")
    double timeFactor;

    @Option(names = "--rate", description = "position/attitude stream rate in Hz, default ${DEFAULT-VALUE}", defaultValue = "10")
    double rateHz;

    @Option(names = "--aircraft", description = "aircraft profile id, default ${DEFAULT-VALUE}", defaultValue = "sim-quad")
    String aircraft;

    @Option(names = "--dock", description = "dock profile id, default ${DEFAULT-VALUE}", defaultValue = "sim-dock")
    String dock;

    @Option(names = "--wind", description = "mean wind speed m/s, default ${DEFAULT-VALUE}", defaultValue = "3")
    double windMps;

    @Option(names = "--wind-from", description = "wind direction in degrees (where it blows from), default ${DEFAULT-VALUE}",
            defaultValue = "315")
    double windFromDeg;

    @Option(names = "--gust", description = "gust standard deviation m/s, default ${DEFAULT-VALUE}", defaultValue = "0.8")
    double gustMps;

    @Option(names = "--seed", description = "random seed, default ${DEFAULT-VALUE}", defaultValue = "42")
    long seed;

    @Option(names = "--qgc", description = "also stream to QGroundControl at this UDP host:port (e.g. 127.0.0.1:14550)")
    String qgc;

    @Option(names = "--signing-key", description = "64 hex digits: sign all frames and accept only signed ones")
    String signingKey;

    @Option(names = "--gcs-system-id", description = "the ground station's MAVLink system id: unsigned commands, mission "
            + "uploads and parameter changes from any other system id are refused (MAVSDK uses 245), default ${DEFAULT-VALUE}",
            defaultValue = "255")
    int gcsSystemId;

    @Option(names = "--cameras", description = "also render and stream each vehicle's thermal and RGB frames of the demo world "
            + "to this station host (thermal UDP 5600, RGB 5610 + 2i, see docs/sim-world.md)")
    String camerasHost;

    @Option(names = "--duration", description = "stop after this many seconds (default: run until 'quit' or end of input)")
    Double durationS;

    private final PrintStream out;
    private final java.io.InputStream in;

    public SimCommand() {
        this(System.out, System.in);
    }

    SimCommand(PrintStream out, java.io.InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        VehicleConfig template = template();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is not an address of this host");
        }
        List<VehicleConfig> configs = SimFleet.jingshanConfigs(vehicles, template);
        try (SimFleet fleet = SimFleet.start(configs, address, basePort)) {
            if (qgc != null) {
                InetSocketAddress target = parseHostPort(qgc);
                fleet.vehicles().forEach(v -> v.addGroundStation(target));
            }
            printPorts(fleet);
            SimCameras cameras = camerasHost == null ? null : startCameras(fleet);
            CountDownLatch stop = new CountDownLatch(1);
            Thread console = new Thread(() -> readCommands(fleet, stop), "sim-console");
            console.setDaemon(true);
            console.start();
            if (durationS != null) {
                stop.await((long) (durationS * 1000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            out.println("sim: stopping " + fleet.vehicles().size() + " vehicles");
            if (cameras != null) {
                cameras.close();
            }
        }
        return 0;
    }

    private SimCameras startCameras(SimFleet fleet) throws IOException {
        InetAddress station;
        try {
            station = InetAddress.getByName(camerasHost);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--cameras " + camerasHost + " is not a known host");
        }
        World world = WorldBuilder.demo(WorldBuilder.defaultAssets());
        SimCameras.Plan plan = SimCameras.Plan.defaults(station);
        SimCameras cameras = SimCameras.start(world, fleet.vehicles(), plan);
        out.printf(Locale.ROOT, "cameras: thermal frames to %s:%d, RGB video of vehicle i to %s:%d+2i (metadata +1)%n",
                camerasHost, plan.thermalPort(), camerasHost, plan.rgbBasePort());
        out.flush();
        return cameras;
    }

    private void validate() {
        if (vehicles < 1 || vehicles > 250) {
            throw new IllegalArgumentException("--vehicles must be 1..250, got " + vehicles);
        }
        if (basePort != 0 && (basePort < 1024 || basePort + vehicles - 1 > 65535)) {
            throw new IllegalArgumentException("--port " + basePort + " with " + vehicles
                    + " vehicles does not fit in 1024..65535 (or use 0 for free ports)");
        }
        if (durationS != null && !(durationS > 0)) {
            throw new IllegalArgumentException("--duration must be a positive number of seconds, got " + durationS);
        }
    }

    private VehicleConfig template() {
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        VehicleConfig d = VehicleDefaults.simQuad();
        MavlinkSigning signing = signingKey == null ? null : MavlinkSigning.fromHex(signingKey, 0);
        try {
            return new VehicleConfig(1, d.homeLatDeg(), d.homeLonDeg(), d.homeAltitudeAmslM(), catalog.aircraft(aircraft),
                    catalog.dock(dock), windFromDeg, windMps, gustMps, seed, timeFactor, rateHz, signing, gcsSystemId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sim settings: " + e.getMessage(), e);
        }
    }

    static InetSocketAddress parseHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--qgc expects host:port, got '" + s + "'");
        }
        try {
            return new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--qgc expects host:port with a port 1..65535, got '" + s + "'");
        }
    }

    private void printPorts(SimFleet fleet) {
        out.printf(Locale.ROOT, "sim: %d vehicle(s), time factor %.1f, MAVLink 2%s%n", fleet.vehicles().size(), timeFactor,
                signingKey == null ? "" : " signed");
        out.println("sysid  udp    tcp    dock (lat, lon)");
        for (SimVehicle v : fleet.vehicles()) {
            VehicleConfig c = v.config();
            out.printf(Locale.ROOT, "%5d  %-5d  %-5s  %.6f, %.6f%n", c.systemId(), v.udpPort(),
                    v.tcpPort() < 0 ? "-" : Integer.toString(v.tcpPort()), c.homeLatDeg(), c.homeLonDeg());
        }
        out.println("QGroundControl: add a UDP comm link to " + bind + ":<udp port> (or start with --qgc 127.0.0.1:14550).");
        out.println("Type 'help' for failure injection.");
        out.flush();
    }

    private void readCommands(SimFleet fleet, CountDownLatch stop) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!execute(fleet, line.trim())) {
                    break;
                }
            }
        } catch (IOException e) {
            out.println("sim: console closed: " + e.getMessage());
        }
        if (durationS == null) {
            stop.countDown();
        }
    }

    /** @return false to stop */
    boolean execute(SimFleet fleet, String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] w = line.split("\\s+");
        try {
            switch (w[0]) {
                case "quit", "exit" -> {
                    return false;
                }
                case "help" -> out.println("""
                        commands: status | link-drop SYSID SECONDS | link-restore SYSID | battery SYSID PCT
                                  gps-loss SYSID | gps-restore SYSID | swap SYSID | loss SYSID FRACTION | quit""");
                case "status" -> fleet.vehicles().forEach(v -> out.println(describe(v.state())));
                case "link-drop" -> fleet.bySystemId(Integer.parseInt(w[1])).dropLink(Duration.ofMillis((long) (Double.parseDouble(w[2]) * 1000)));
                case "link-restore" -> fleet.bySystemId(Integer.parseInt(w[1])).restoreLink();
                case "battery" -> fleet.bySystemId(Integer.parseInt(w[1])).injectBatteryPct(Double.parseDouble(w[2]));
                case "gps-loss" -> fleet.bySystemId(Integer.parseInt(w[1])).loseGps();
                case "gps-restore" -> fleet.bySystemId(Integer.parseInt(w[1])).restoreGps();
                case "swap" -> out.println(fleet.bySystemId(Integer.parseInt(w[1])).swapBattery() ? "battery swapped" : "only in the dock, disarmed");
                case "loss" -> fleet.bySystemId(Integer.parseInt(w[1])).setPacketLoss(Double.parseDouble(w[2]));
                default -> out.println("unknown command '" + w[0] + "'; type 'help'");
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            out.println("'" + line + "': missing or malformed argument; type 'help'");
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        }
        out.flush();
        return true;
    }

    static String describe(VehicleState s) {
        return String.format(Locale.ROOT, "%3d %-15s %s lat %.6f lon %.6f alt %5.1f m  %4.1f m/s  battery %5.1f %%  item %d%s",
                s.systemId(), s.phase(), s.armed() ? "ARMED   " : "disarmed", s.latDeg(), s.lonDeg(), s.relativeAltM(),
                s.groundSpeedMps(), s.batteryPct(), s.missionSeq(), s.gpsFix() ? "" : "  NO GPS");
    }
}
