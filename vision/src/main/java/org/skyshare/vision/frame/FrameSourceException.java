package org.skyshare.vision.frame;

/** A source that cannot be opened or read at all; the message is a complete sentence for the user. */
public class FrameSourceException extends RuntimeException {
    public FrameSourceException(String message) {
        super(message);
    }

    public FrameSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
