package org.skyshare.station.console;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Test support: switches TestFX to the headless Monocle platform before the toolkit starts (the
 * build cannot set these in Surefire for one module), polls with deadlines, saves screenshots.
 * Set -Dconsole.headed=true to watch the tests in a real window (e.g. under Xvfb).
 */
public final class HeadlessFx {
    static {
        if (!Boolean.getBoolean("console.headed")) {
            System.setProperty("testfx.robot", "glass");
            System.setProperty("testfx.headless", "true");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("java.awt.headless", "true");
            // the console opens at 1366x768; the virtual screen must be at least that big
            System.setProperty("headless.geometry", "1600x900-32");
        }
    }

    private HeadlessFx() {
    }

    /** Touch this from a test class's static initialiser so the properties are set first. */
    public static void init() {
    }

    public static Path shared() {
        String dir = System.getProperty("skyshare.shared.dir");
        if (dir != null && Files.isDirectory(Path.of(dir))) {
            return Path.of(dir);
        }
        // running from the repo (../shared beside it) or from a copy of the module
        for (Path p : new Path[] {Path.of("../../shared"), Path.of("../shared"), Path.of("/work/shared")}) {
            if (Files.isDirectory(p.resolve("data"))) {
                return p;
            }
        }
        return Path.of("../../shared");
    }

    public static Path jingshan() {
        return shared().resolve("data/jingshan/jingshan.geojson");
    }

    /** Waits until the condition (checked on the FX thread) holds, or fails with the message. */
    public static void waitFor(String what, long timeoutMs, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            org.testfx.util.WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
    }

    public static <T> T onFx(Supplier<T> s) {
        if (Platform.isFxApplicationThread()) {
            return s.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed: " + e, e);
        }
    }

    /** Saves a node's picture under target/console-screenshots/NAME.png and returns the file. */
    public static Path screenshot(Node node, String name) {
        Path dir = Path.of("target", "console-screenshots");
        return onFx(() -> {
            try {
                Files.createDirectories(dir);
                WritableImage img = node.snapshot(null, null);
                Path file = dir.resolve(name + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
                return file;
            } catch (Exception e) {
                throw new AssertionError("screenshot " + name + " failed: " + e, e);
            }
        });
    }
}
