package org.skyshare.station.console;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.DoubleProperty;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the console's long work (file reading, planning, exporting, history look-ups) on daemon
 * threads and reports progress and the outcome in the status bar, so the FX thread never waits.
 */
public final class BackgroundWork {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-work");
        t.setDaemon(true);
        return t;
    });
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();

    /** A unit of work: gets a progress reporter (0..1), returns a result or throws with a user-facing message. */
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    public interface Progress {
        void update(double fraction);
    }

    public <T> Task<T> submit(String title, Job<T> job, Consumer<T> onDone) {
        return submit(title, job, onDone, e -> { });
    }

    public <T> Task<T> submit(String title, Job<T> job, Consumer<T> onDone, Consumer<Throwable> onFail) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run(f -> updateProgress(Math.max(0, Math.min(1, f)), 1));
            }
        };
        busy.set(running.incrementAndGet() > 0);
        failed.set(false);
        message.set(title + "…");
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            finish();
            message.set(title + ": done");
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            failed.set(true);
            message.set(title + " failed: " + describe(task.getException()));
            onFail.accept(task.getException());
        });
        pool.submit(task);
        return task;
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        busy.set(running.decrementAndGet() > 0);
    }

    /** The sentence for the user: the exception's own message, never a stack trace. */
    public static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c.getMessage() == null || c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void say(String text) {
        failed.set(false);
        message.set(text);
    }

    public void warn(String text) {
        failed.set(true);
        message.set(text);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
