package org.skyshare.station.sitl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ArduPilot's own ArduCopter firmware (software in the loop) for a test: started from a fresh
 * temporary folder (so its parameters are the stock defaults), on the first instance number whose
 * TCP port (5760 + 10 N) is free, and stopped by its own pid. Its console goes to {@code sitl.log}
 * in that folder, which is deleted on close unless the test failed.
 */
public final class ArduCopterSitl implements AutoCloseable {
    private static final int FIRST_INSTANCE = 20; // above the ports a developer's own SITL (I0..) usually takes

    private final Process process;
    private final Path workDir;
    private final int instance;

    private ArduCopterSitl(Process process, Path workDir, int instance) {
        this.process = process;
        this.workDir = workDir;
        this.instance = instance;
    }

    /**
     * Starts ArduCopter on a quad at {@code home} (lat, lon, altitude AMSL) running {@code speedup}
     * times faster than wall time; returns once it listens for the ground station.
     */
    public static ArduCopterSitl start(double homeLat, double homeLon, double homeAltM, int speedup) throws IOException {
        Path binary = SitlBinaries.require("ardupilot-copter-sitl/arducopter", "ArduCopter SITL binary");
        Path defaults = binary.resolveSibling("copter.parm");
        IOException last = null;
        for (int n = FIRST_INSTANCE; n < FIRST_INSTANCE + 40; n++) {
            if (!tcpFree(5760 + 10 * n) || !tcpFree(5762 + 10 * n) || !tcpFree(5763 + 10 * n)) {
                continue;
            }
            Path dir = Files.createTempDirectory("arducopter-sitl-");
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--model", "quad",
                    "--home", String.format(Locale.ROOT, "%.7f,%.7f,%.1f,0", homeLat, homeLon, homeAltM),
                    "--defaults", defaults.toString(), "-I" + n));
            if (speedup > 1) {
                cmd.add("--speedup");
                cmd.add(Integer.toString(speedup));
            }
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sitl.log").toFile()).start();
            ArduCopterSitl sitl = new ArduCopterSitl(p, dir, n);
            try {
                sitl.awaitListening(Duration.ofSeconds(20));
                return sitl;
            } catch (IOException e) {
                // another process took the port between the check and the bind: try the next instance
                last = e;
                sitl.close();
            }
        }
        throw new IOException("could not start ArduCopter SITL on any instance from " + FIRST_INSTANCE, last);
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitListening(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = workDir.resolve("sitl.log");
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (out.contains("Serial port 0 on TCP port " + port())) {
                return;
            }
            if (!process.isAlive() || out.contains("bind failed") || out.contains("Address already in use")) {
                throw new IOException("ArduCopter SITL instance " + instance + " did not start: " + tail(out));
            }
            try {
                process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS); // a deadline poll, not a sync sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting ArduCopter SITL", e);
            }
        }
        throw new IOException("ArduCopter SITL instance " + instance + " did not listen on TCP " + port() + " within " + timeout);
    }

    private static String tail(String s) {
        return s.length() > 600 ? s.substring(s.length() - 600) : s;
    }

    /** The ground-station port: TCP 5760 + 10 x instance. */
    public int port() {
        return 5760 + 10 * instance;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return workDir;
    }

    /** The last part of the firmware's console output, for failure messages. */
    public String consoleTail() {
        try {
            return tail(Files.readString(workDir.resolve("sitl.log"), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to the firmware's own pid, SIGKILL after 5 s, then the temporary folder goes. */
    @Override
    public void close() {
        Processes.stop(process);
        Processes.deleteTree(workDir);
    }
}
