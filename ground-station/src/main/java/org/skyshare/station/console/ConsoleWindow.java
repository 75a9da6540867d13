package org.skyshare.station.console;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the console in a stage. Call on the FX thread; the station or demo hands in its services
 * (see {@link ConsoleServices}).
 */
public final class ConsoleWindow {
    private ConsoleWindow() {
    }

    public static ConsoleShell show(Stage stage, ConsoleServices services) {
        return show(stage, services, () -> { });
    }

    /** Opens the console; {@code onClosed} runs (on the FX thread) after the window closed and the shell stopped. */
    public static ConsoleShell show(Stage stage, ConsoleServices services, Runnable onClosed) {
        ConsoleShell shell = new ConsoleShell(services);
        Scene scene = new Scene(shell, 1366, 768);
        stage.setTitle("Skyshare console");
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> {
            shell.shutdown();
            onClosed.run();
        });
        stage.show();
        return shell;
    }
}
