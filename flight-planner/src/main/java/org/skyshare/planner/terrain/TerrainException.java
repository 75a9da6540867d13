package org.skyshare.planner.terrain;

/** A DEM that cannot be read or does not cover the plan; the message names the file and the place. */
public class TerrainException extends RuntimeException {
    public TerrainException(String message) {
        super(message);
    }

    public TerrainException(String message, Throwable cause) {
        super(message, cause);
    }
}
