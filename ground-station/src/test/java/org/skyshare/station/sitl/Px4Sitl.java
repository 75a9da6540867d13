package org.skyshare.station.sitl;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * PX4's own firmware (SITL with its built-in SIH quadrotor) for a test, started as
 * {@code run_sih.sh N} starts it, on the first instance whose UDP ports (18570 + N for the ground
 * station, 14580 + N offboard) are free, from a fresh temporary folder, and stopped by its own pid.
 * Console in {@code px4.log} there.
 *
 * <p>The shared copy's {@code bin/px4-*} command links arrived as plain 3-byte files holding
 * "px4" rather than executable symbolic links, so the start-up script fails there ("px4-param:
 * Permission denied"). The fixture therefore lays out its own {@code bin/} in the temporary folder:
 * a copy of {@code px4}, real links for the commands, copies of the scripts, and runs that.
 */
public final class Px4Sitl implements AutoCloseable {
    private static final int FIRST_INSTANCE = 20;

    private final Process process;
    private final Path workDir;
    private final int instance;

    private Px4Sitl(Process process, Path workDir, int instance) {
        this.process = process;
        this.workDir = workDir;
        this.instance = instance;
    }

    public static Px4Sitl start(double homeLat, double homeLon, double homeAltM) throws IOException {
        Path shared = SitlBinaries.require("px4-sitl/bin/px4", "PX4 SITL binary").getParent().getParent();
        for (int n = FIRST_INSTANCE; n < FIRST_INSTANCE + 40; n++) {
            if (!udpFree(18570 + n) || !udpFree(14580 + n)) {
                continue;
            }
            Path dir = Files.createTempDirectory("px4-sitl-");
            Path px4 = layOutBin(shared.resolve("bin"), dir.resolve("bin"));
            Path work = Files.createDirectories(dir.resolve("work"));
            ProcessBuilder pb = new ProcessBuilder(px4.toString(), "-d", "-i", Integer.toString(n), shared.resolve("etc").toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("px4.log").toFile());
            // as run_sih.sh: the SIH quadrotor airframe, no external simulator
            pb.environment().put("PX4_SYS_AUTOSTART", "10040");
            pb.environment().put("PX4_SIM_MODEL", "sihsim_quadx");
            pb.environment().put("PX4_SIMULATOR", "sihsim");
            pb.environment().put("PX4_HOME_LAT", String.format(Locale.ROOT, "%.7f", homeLat));
            pb.environment().put("PX4_HOME_LON", String.format(Locale.ROOT, "%.7f", homeLon));
            pb.environment().put("PX4_HOME_ALT", String.format(Locale.ROOT, "%.1f", homeAltM));
            Px4Sitl sitl = new Px4Sitl(pb.start(), dir, n);
            try {
                sitl.process.waitFor(500, TimeUnit.MILLISECONDS); // a start-up check with a deadline, not a sync sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (sitl.process.isAlive()) {
                return sitl;
            }
            String log = sitl.consoleTail();
            sitl.close();
            throw new IOException("PX4 SITL instance " + n + " exited at start: " + log);
        }
        throw new IOException("could not start PX4 SITL on any instance from " + FIRST_INSTANCE);
    }

    /** bin/ as PX4's build makes it: the binary, a symbolic link per command, the scripts. Returns the binary. */
    private static Path layOutBin(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Path px4 = Files.copy(from.resolve("px4"), to.resolve("px4"));
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.equals("px4")) {
                    continue;
                }
                boolean commandLink = Files.size(f) <= 4 && Files.readString(f).strip().equals("px4");
                if (commandLink) {
                    Files.createSymbolicLink(to.resolve(name), Path.of("px4"));
                } else {
                    Files.copy(f, to.resolve(name));
                }
            }
        }
        return px4;
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ground-station port: the station sends first to UDP 18570 + N and PX4 answers. */
    public String uri() {
        return "udp://127.0.0.1:" + (18570 + instance);
    }

    /** MAV_SYS_ID is N + 1. */
    public int systemId() {
        return instance + 1;
    }

    public String consoleTail() {
        try {
            String s = Files.readString(workDir.resolve("px4.log"), StandardCharsets.ISO_8859_1);
            return s.length() > 800 ? s.substring(s.length() - 800) : s;
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
        Processes.deleteTree(workDir);
        // PX4 leaves its instance lock and socket in /tmp; these are this instance's own
        Processes.deleteTree(Path.of("/tmp/px4-sock-" + instance));
        Processes.deleteTree(Path.of("/tmp/px4_lock-" + instance));
    }
}
