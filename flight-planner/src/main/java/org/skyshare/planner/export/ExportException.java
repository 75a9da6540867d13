package org.skyshare.planner.export;

/** A plan that could not be written or read back; the message names the file. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
