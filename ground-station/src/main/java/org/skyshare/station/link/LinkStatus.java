package org.skyshare.station.link;

public enum LinkStatus {
    /** No heartbeat yet. */
    CONNECTING,
    CONNECTED,
    /** Heartbeats stopped for longer than the link timeout; the link keeps listening and retrying. */
    LOST,
    CLOSED
}
