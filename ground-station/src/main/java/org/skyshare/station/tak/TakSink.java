package org.skyshare.station.tak;

/** Somewhere TAK clients receive Cursor-on-Target: a TAK Server's streaming input or SA multicast. */
public interface TakSink extends AutoCloseable {
    /** Sends one event; a sink that cannot reach its receiver keeps the latest state and says so in the log. */
    void send(CotEvent event);

    /** Where the events go, for logs. */
    String describe();

    @Override
    void close();
}
