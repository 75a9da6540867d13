package org.skyshare.planner.assets;

/** An asset file that cannot be used; the message names the file, the feature and what was expected. */
public class AssetException extends RuntimeException {
    public AssetException(String message) {
        super(message);
    }

    public AssetException(String message, Throwable cause) {
        super(message, cause);
    }
}
