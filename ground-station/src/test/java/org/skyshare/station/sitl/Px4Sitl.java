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
 * PX4's own firmware (SITL with its built-in SIH quadrotor) for a test: started with
 * {@code run_sih.sh N} from a fresh temporary working folder on the first instance whose UDP ports
 * (18570 + N for the ground station, 14580 + N offboard) are free and whose /tmp lock is absent;
 * stopped by its own pid (the script execs px4). Console in {@code px4.log} in the working folder.
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
        Path script = SitlBinaries.require("px4-sitl/run_sih.sh", "PX4 SITL start script");
        for (int n = FIRST_INSTANCE; n < FIRST_INSTANCE + 40; n++) {
            if (!udpFree(18570 + n) || !udpFree(14580 + n) || Files.exists(Path.of("/tmp/px4_lock-" + n))
                    || Files.exists(Path.of("/tmp/px4-sock-" + n))) {
                continue;
            }
            Path dir = Files.createTempDirectory("px4-sitl-");
            ProcessBuilder pb = new ProcessBuilder(script.toString(), Integer.toString(n)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("px4.log").toFile());
            pb.environment().put("PX4_WORKDIR", dir.toString());
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
            if (!log.contains("lock") && !log.contains("in use")) {
                throw new IOException("PX4 SITL instance " + n + " exited at start: " + log);
            }
        }
        throw new IOException("could not start PX4 SITL on any instance from " + FIRST_INSTANCE);
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
    }
}
