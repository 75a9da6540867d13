package org.skyshare.station.store;

/** A database operation failed; the message names the database and the cause. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
