package org.skyshare.station.cli;

import picocli.CommandLine;

/** {@code skyshare station} in its own JVM for {@link StationStopAndRestartTest} (signals need a process). */
public final class StationProcessMain {
    private StationProcessMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StationCommand()).execute(args));
    }
}
