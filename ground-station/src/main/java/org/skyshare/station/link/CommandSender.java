package org.skyshare.station.link;

import java.util.concurrent.CompletableFuture;

/** Sends one COMMAND_LONG and completes when the vehicle accepts it (the link's retrying command transaction). */
@FunctionalInterface
interface CommandSender {
    CompletableFuture<Void> command(int mavCmd, String name, float... params);
}
