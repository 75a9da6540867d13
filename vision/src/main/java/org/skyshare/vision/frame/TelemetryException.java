package org.skyshare.vision.frame;

/** A telemetry file that cannot be used; the message names the file, line and field. */
public class TelemetryException extends RuntimeException {
    public TelemetryException(String message) {
        super(message);
    }
}
