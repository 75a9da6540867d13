package org.skyshare.station.console;

import javafx.application.Platform;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts the JavaFX toolkit once, from a command line, with a clear message when there is no display. */
public final class FxLauncher {
    private static volatile boolean started;

    private FxLauncher() {
    }

    /** Starts the toolkit (if not yet running) and waits until it is ready. */
    public static synchronized void start(String what) {
        if (started) {
            return;
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (linux && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException(what + " needs a graphical display, but DISPLAY is not set; run it on a desktop"
                    + " or under a virtual display (xvfb-run ./skyshare ...)");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        } catch (UnsupportedOperationException | Error e) {
            throw new IllegalStateException(what + " could not open a window: " + e.getMessage(), e);
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + ": the JavaFX toolkit did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted while starting", e);
        }
        started = true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
