package org.skyshare.station.console.map;

/** An asset file could not be read; the message names the file, the feature and what was expected. */
public final class AssetLoadException extends RuntimeException {
    public AssetLoadException(String message) {
        super(message);
    }

    public AssetLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
