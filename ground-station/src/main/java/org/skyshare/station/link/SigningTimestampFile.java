package org.skyshare.station.link;

import org.skyshare.sim.mavlink.MavlinkSigning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a signing key's timestamps going forward across restarts. A vehicle drops a signed frame
 * whose timestamp is not above the last one it saw from the station, so a station restarted with
 * its clock set back would be locked out (and, worse, its old frames would become replayable).
 *
 * <p>While the link runs, every {@link #SAVE_INTERVAL_S} s the file records the last timestamp used
 * plus a reserve of two intervals (written to a temporary file, forced to disk, then moved over the
 * old one, so a crash leaves the old or the new value, never half a number). After a crash the
 * station resumes above the reserve, hence above anything it may have signed; after a clean
 * {@link #close()} the file holds the exact last timestamp. Timestamps that start ahead of the
 * clock slow to one tick per frame until the clock catches up, so the reserve does not accumulate.
 */
public final class SigningTimestampFile implements AutoCloseable {
    static final long SAVE_INTERVAL_S = 10;
    /** Two save intervals, in the protocol's 10 us units. */
    static final long RESERVE = 2 * SAVE_INTERVAL_S * 100_000;
    private static final ScheduledExecutorService SAVER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "signing-timestamps");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final MavlinkSigning signing;
    private final ScheduledFuture<?> task;

    private SigningTimestampFile(Path file, MavlinkSigning signing) {
        this.file = file;
        this.signing = signing;
        this.task = SAVER.scheduleAtFixedRate(this::saveQuietly, SAVE_INTERVAL_S, SAVE_INTERVAL_S, TimeUnit.SECONDS);
    }

    /**
     * Resumes {@code signing} after the timestamp stored in {@code file} (none stored: from the clock)
     * and saves from now on. A damaged file is refused with a sentence, never silently restarted
     * from the clock, because that is exactly the case that may go back.
     */
    public static SigningTimestampFile open(Path file, MavlinkSigning signing) throws IOException {
        signing.resumeAfter(Math.max(read(file), MavlinkSigning.clockTimestamp()));
        write(file, signing.lastTimestamp() + RESERVE);
        return new SigningTimestampFile(file, signing);
    }

    /** The stored timestamp, 0 when there is no file yet. */
    public static long read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            long ts = Long.parseLong(text);
            if (ts < 0) {
                throw new NumberFormatException("negative");
            }
            return ts;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": damaged MAVLink signing timestamp '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "' (expected one whole number of 10 us units since 2015); if the station's clock is right, delete "
                    + "the file and the timestamps restart from the clock");
        }
    }

    private void saveQuietly() {
        try {
            write(file, signing.lastTimestamp() + RESERVE);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SigningTimestampFile.class).warn("cannot save the MAVLink signing timestamp to {}: {}",
                    file, e.getMessage());
        }
    }

    static void write(Path file, long timestamp) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((timestamp + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops saving and records the exact last timestamp. */
    @Override
    public void close() throws IOException {
        task.cancel(false);
        write(file, signing.lastTimestamp());
    }
}
