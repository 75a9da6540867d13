package org.skyshare.vision.visual;

/** A model file that is missing, unreadable or not the kind of model expected; the message names the file. */
public class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
