package org.skyshare.planner.qgc;

/** A QGroundControl plan file that cannot be read; the message names the file, the item and the field. */
public class QgcFileException extends RuntimeException {
    public QgcFileException(String message) {
        super(message);
    }

    public QgcFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
