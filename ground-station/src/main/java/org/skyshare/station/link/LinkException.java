package org.skyshare.station.link;

/** A link operation that failed; the message is a complete sentence for the operator. */
public class LinkException extends RuntimeException {
    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
