package org.skyshare.sim.world;

/** A world or scenario that cannot be built; the message names the file, the field and what was expected. */
public class WorldException extends RuntimeException {
    public WorldException(String message) {
        super(message);
    }

    public WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
